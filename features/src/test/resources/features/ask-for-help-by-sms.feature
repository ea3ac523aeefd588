Feature: An SMS customer texts the help desk and gets answers by text
  A customer texts the desk's short code from any phone. The operator's SMSC delivers the text to the
  gateway over SMPP and carries the answer back. Without an operator, the gateway runs an SMSC simulator
  and a phone page in the browser, which is what this customer uses.

  Scenario: A question the knowledge base knows is answered by text
    Given a phone that has never texted the desk
    When its owner texts "What are your opening hours?" to the desk
    Then the phone receives a text starting with "Switchboard service points are open Mon-Fri 9:00-20:00"

  Scenario: HELP brings the menu of topics, and a menu number the answer
    Given a phone that has never texted the desk
    When its owner texts "help" to the desk
    Then the phone receives a text starting with "Text a number or your question:"
    When its owner texts "1" to the desk
    Then the phone receives a text starting with "Switchboard service points are open"
