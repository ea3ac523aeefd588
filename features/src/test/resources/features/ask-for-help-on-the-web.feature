Feature: A web visitor asks for help and gets an answer
  A visitor on the website types his question into the chat widget. The widget posts it to
  POST /api/help with the visitor id it keeps in the browser, shows the reply, and keeps the customer
  token that comes with the first reply: with it, and only with it, the visitor reads his conversation
  again (GET /api/conversations/{id}).

  Scenario: A question the knowledge base knows is answered at once
    Given a web visitor who has not asked anything yet
    When he asks "What are your opening hours?" on the web
    Then he is answered from the knowledge base with "Switchboard service points are open Mon-Fri 9:00-20:00"
    And his conversation, read with his customer token, holds his question and the reply he got
    And without his customer token his conversation cannot be read

  Scenario: A question nobody can answer now is left for an agent
    Given a web visitor who has not asked anything yet
    When he asks "Zorblax quantum florp wibble" on the web
    Then he is told that an agent will get back to him
    And his conversation, read with his customer token, holds his question and the reply he got
