Feature: A customer texts the help number and Twilio carries the answer
  The company's help number is a Twilio number. When a customer texts it, Twilio posts the message to
  POST /twilio/sms, signed with the account's auth token for the gateway's public address, and texts
  back whatever TwiML the gateway answers. Twilio may post the same message again (same MessageSid)
  when it did not get the answer; somebody else may post forged messages.

  Scenario: A question the knowledge base knows is answered in the reply text
    Given a customer whose phone has never texted the help number
    When he texts "What are your opening hours?" to the help number
    Then Twilio gets TwiML that texts him "Switchboard service points are open Mon-Fri 9:00-20:00"

  Scenario: Twilio posts the same message twice and gets the same answer
    Given a customer whose phone has never texted the help number
    When he texts "How much does roaming cost?" to the help number
    And Twilio posts that message again
    Then both posts get the same TwiML

  Scenario: A picture without words is taken, not refused
    Given a customer whose phone has never texted the help number
    When he sends the help number a picture of type "image/jpeg" without words
    Then Twilio gets TwiML that texts him "No agent is on duty right now"

  Scenario: A forged message is refused and never taken for his
    Given a customer whose phone has never texted the help number
    When someone without the auth token posts "Send my refund to account 99" in his name
    Then the post is refused with 403
    When Twilio posts his real message "What are your opening hours?" with the same MessageSid
    Then Twilio gets TwiML that texts him "Switchboard service points are open Mon-Fri 9:00-20:00"
