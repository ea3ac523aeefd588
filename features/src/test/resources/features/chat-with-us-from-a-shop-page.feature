Feature: Chat with us from a shop page
  A company puts the chat widget on its shop's pages with one script tag. The button says live whether an agent
  can chat (GET /api/widget/availability, server-sent events, pushed); the visitor's messages go to the customer API
  from the shop's origin, which switchboard.widget.allowed-origins allows; the agent's answers are pushed to his open
  chat (GET /api/conversations/{id}/events, his customer token in a header, never in the address), with the agent's
  typing and how far she read; his chat tells when he read her answer (POST /api/conversations/{id}/read).

  Scenario: The button turns to "Chat with us" as agents come on duty, and the agent's answer is pushed
    Given a page of the shop "http://shop.example" shows the chat button
    And the button says nobody is available
    When agents Cleo and Dan are on duty
    Then within 2 seconds the button says an agent is available
    When a visitor on the shop page asks "Where is my parcel 42?" in the chat
    And he keeps his chat open
    Then Cleo and Dan are offered his conversation, and Cleo accepts it
    When Cleo reads his conversation
    Then his open chat is told that his question was read
    When Cleo starts typing an answer
    Then his open chat shows that Cleo is typing
    When Cleo answers "It is on its way." on his last channel
    Then "It is on its way." from Cleo is pushed to his open chat
    When he reads the answer in his chat
    Then Cleo sees that he read her answer

  Scenario: A site that is not allowed gets nothing
    When a page of "http://stranger.example" asks whether an agent is available
    Then the page is refused, without a CORS header
    And a visitor there cannot ask anything either
