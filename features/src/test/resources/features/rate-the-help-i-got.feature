Feature: A customer rates the help he got
  When an agent finishes a conversation, the help desk asks the customer once, in the way of the channel he
  was last heard on, to rate the help from 1 (poor) to 5 (very good). The web chat reads "ratingAsked" with his
  conversation and posts the score and a comment to POST /api/conversations/{id}/rating; a phone is texted
  "reply with a number from 1 to 5". The rating is kept with the conversation and the agent, who sees it; it
  queues nobody. A reply that is no rating is a message like any other.

  Scenario: A web visitor rates the agent's help with a comment
    Given agents Ann and Bob are on duty
    And a web visitor who has not asked anything yet
    When he asks "My router keeps dropping the line" on the web
    Then Ann and Bob are offered his conversation, and Ann accepts it
    When Ann answers "I reset your line; it should hold now." on his last channel
    And Ann finishes the conversation with wrap-up "resolved"
    Then the visitor is asked to rate the help he got, in his chat
    When he rates it 5 with the comment "Quick <and> kind"
    Then Ann sees the rating 5 with the comment "Quick <and> kind", given on web-chat
    And the visitor is no longer asked, and a second rating is refused

  Scenario: A customer texts 4 to rate the help, and a text that is no rating is a message
    Given agents Ann and Bob are on duty
    And a phone that has never texted the desk
    When its owner texts "My bill doubled this month" to the desk
    Then Ann accepts the conversation that texted "My bill doubled this month"
    When Ann finishes the conversation with wrap-up "billing"
    Then the phone is texted "How did Ann help you? Reply with a number from 1 (poor) to 5 (very good)."
    When its owner texts "4" to the desk
    Then the phone receives a text starting with "Thank you for rating our help: 4 of 5."
    And Ann sees the rating 4, given on sms
    When its owner texts "thanks, and another question" to the desk
    Then Ann and Bob are offered his conversation again
    And Ann sees the rating 4, given on sms
