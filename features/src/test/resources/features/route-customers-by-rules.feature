@routing-rules
Feature: A manager routes new customers by rules
  Managers keep ordered routing rules (PUT /api/agent/routing-rules). The first message of every new conversation,
  on every channel, is routed by the first enabled rule whose conditions all hold: its team or skill, its priority
  (a higher one waits ahead), its acknowledgement (with the estimated wait or the place in the queue) and its tags.
  When no rule matches, the defaults hold. The agent sees which rule routed the conversation.

  Background:
    Given agent Erin of team "enterprise" with skill "general" is on duty
    And agent Bill with skill "billing" is on duty
    And agent Ann with skill "general" is on duty
    And the manager saves these routing rules, in order:
      | name          | enabled | channels | senders           | words   | team       | skill   | priority | acknowledgement                                               | tags    |
      | BigCorp mail  | yes     | email    | *@bigcorp.example |         | enterprise |         | 10       | The enterprise desk has your mail; you are number {position}. |         |
      | Invoices      | yes     |          |                   | invoice |            | billing | 0        |                                                               | billing |
      | Old catch-all | no      |          |                   |         |            | nobody  | 0        |                                                               |         |

  Scenario: A mail from a big customer goes to the enterprise team first, with its own acknowledgement
    When "ceo@bigcorp.example" mails the desk "Our contract" saying "Please call me about our contract."
    Then Erin is offered the conversation routed by rule "BigCorp mail", for team enterprise with priority 10
    And Ann is not offered that conversation
    And a mail from the help desk reaches "ceo@bigcorp.example" with "The enterprise desk has your mail; you are number 1."

  Scenario: A text about an invoice goes to billing with the tag billing
    Given a phone that has never texted the desk
    When its owner texts "Where is my INVOICE for May?" to the desk
    Then Bill is offered the conversation routed by rule "Invoices", for skill billing tagged "billing"

  Scenario: A message no rule matches is routed by the defaults
    Given a web visitor who has not asked anything yet
    When he asks "Hello, can somebody help me with my router?" on the web
    Then Ann is offered his conversation for skill general, routed by no rule
    And he was told "Thank you. An agent will be with you shortly."
