Feature: A customer asks for help from a WAP phone
  His phone browses the help desk through his operator's WAP gateway, which tells us his number. He gets
  WML decks small enough for the phone: topics, answers, his conversation newest first, and a way to ask
  an agent to text him or call him back. His questions join his one conversation.

  Scenario: From the entry deck to answers, a call-back request and his conversation
    Given a WAP phone whose operator gives its number
    When he opens the help desk on his phone
    And he chooses the topic "Opening hours"
    Then his phone shows the answer "Switchboard service points are open"
    When he asks "I forgot my password" from his phone
    Then his phone shows the answer "switchboard.example/reset"
    When he asks to be called back on his own number
    Then his conversation on his phone shows, newest first, his call-back request, "I forgot my password" and "Opening hours"
    And every deck his phone received was valid WML 1.1 within 1400 bytes

  Scenario: A question too long for a phone gets an error card with a way back
    Given a WAP phone without a number from its operator
    When he opens the help desk on his phone
    And he sends a question of 600 characters from his phone
    Then his phone shows an error card saying "longer than 500 characters" with a way back
    And every deck his phone received was valid WML 1.1 within 1400 bytes
