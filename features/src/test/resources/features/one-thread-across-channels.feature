Feature: One customer, one thread, across web chat, a call, email and SMS
  A customer reaches the help desk with whatever he has at hand: the chat on the website, the phone, his
  mail, a text. The agent sees all of it as one thread, each message with its channel, and the channel
  counters of the desktop's toolbar. The agent links the phone number and the email address the customer
  tells her to him (each becomes a customer record of its own, merged into his), so his later contacts from
  them join the one thread she sees, and her answers reach him there. Every channel is its real adapter: the customer JSON API (adapter `web`), Twilio's voice webhooks
  (adapter `twilio`; Twilio's REST API stood in for on loopback), mail over IMAP and SMTP with a GreenMail
  server (adapter `email`), and SMS over SMPP with the gateway's SMSC simulator (adapter `smpp`). The agents
  work through the agent API, as their desktop does.

  Scenario: A web chat, a call, mails and texts are one thread for the agent
    Given agents Ann and Bob are on duty
    When a web visitor asks "Which software do I need to open the invoices you send?" in the chat
    Then Ann and Bob are offered his conversation, and Ann accepts it
    When Ann answers "Invoice Viewer 4 opens them, and it is free." on channel web-chat
    Then the visitor reads "Invoice Viewer 4 opens them, and it is free." in his chat, from Ann
    When Ann marks herself as his preferred agent
    And Ann links the number "+447700900777" he gave her for sms and the address "jo.customer@example.com" for email
    And Ann finishes the conversation with wrap-up "software-advice"
    And he calls the help number from "+447700900777" and keys 2 to talk to an agent
    Then his call joins his conversation and is offered to Ann alone, his preferred agent, though Bob is free
    When Ann accepts it
    Then Twilio is asked to text "+447700900777" from the help number: "Hello, this is Ann. How can I help?"
    When Twilio reports that the call from "+447700900777" was answered and lasted 245 seconds
    And Ann answers "Download Invoice Viewer 4 here: https://downloads.example.com/invoice-viewer-4" on channel email
    Then a mail from the help desk reaches "jo.customer@example.com" with "https://downloads.example.com/invoice-viewer-4"
    When he answers that mail with "Thanks, it is installed and opens the invoices."
    Then Ann sees his mail in the conversation
    When he texts "Can it print two invoices on one page?" from "+447700900777"
    Then Ann sees his text in the conversation
    When Ann answers "Yes: choose Print, then 2 pages per sheet." on his last channel
    Then the phone "+447700900777" receives the text "Yes: choose Print, then 2 pages per sheet."
    # Each text is the message's whole text; "..." stands for what changes from run to run (the time of the call).
    # The call comes into the thread as the customer's message; the help number's spoken menu answered it, so no
    # written answer follows it. Ann's finish asked him to rate her help in the chat, where he was last heard.
    And Ann's view of the conversation is one thread, oldest first:
      | channel  | from      | text                                                                                       |
      | web-chat | customer  | Which software do I need to open the invoices you send?                                    |
      | web-chat | help desk | Thank you. An agent will be with you shortly.                                              |
      | web-chat | Ann       | Hello, this is Ann. How can I help?                                                        |
      | web-chat | Ann       | Invoice Viewer 4 opens them, and it is free.                                               |
      | web-chat | help desk | How did Ann help you? Reply with a number from 1 (poor) to 5 (very good).                  |
      | voice    | customer  | Called the help number.                                                                    |
      | voice    | customer  | I am on the phone waiting for an agent.                                                    |
      | voice    | help desk | Thank you. An agent will be with you shortly.                                              |
      | voice    | Ann       | Hello, this is Ann. How can I help?                                                        |
      | voice    | customer  | Call from +447700900777 to the help number: completed, answered ... UTC, lasted 4 min 5 s. |
      | email    | Ann       | Download Invoice Viewer 4 here: https://downloads.example.com/invoice-viewer-4             |
      | email    | customer  | Thanks, it is installed and opens the invoices.                                            |
      | email    | help desk | Ann has your message and will answer here.                                                 |
      | sms      | customer  | Can it print two invoices on one page?                                                     |
      | sms      | help desk | Ann has your message and will answer here.                                                 |
      | sms      | Ann       | Yes: choose Print, then 2 pages per sheet.                                                 |
    And Ann's toolbar counts "EMAIL 3 · SMS 3 · VOICE 5 · WEB CHAT 5"
    # Linking merged records; it moved nothing: what the web visitor's browser reads stays the chat alone (with the
    # question to rate Ann's help that her finish asked there).
    And the visitor's chat still shows only the 5 messages of the chat
