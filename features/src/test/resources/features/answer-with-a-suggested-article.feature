Feature: An agent answers with a suggested article
  Beside his reply box the agent sees the three knowledge-base articles that best match the customer's last
  message (for a mail, its subject and its text), whether or not agents are on duty, each with its topic, its
  answer and a score (GET /api/agent/conversations/{id}/suggestions). Insert puts the answer in his reply box,
  not sent, and tells the desk that he chose it (POST .../suggestions/{articleId}/chosen): the choice is kept,
  once however often he clicks, and raises that article among later suggestions.

  Scenario: A mailed question is answered with the suggested article, and the choice raises it
    Given agents Ann and Bob are on duty
    When a customer mails the desk from "sam.weekend@example.com" with the subject "Opening hours" and the text "Can I come by tomorrow?"
    Then Ann accepts the conversation whose message reads "Opening hours" and "Can I come by tomorrow?"
    And Ann is suggested at most 3 articles, "Opening hours" first
    When Ann inserts the suggested answer "Opening hours", clicking twice
    Then Ann's choice is counted once and "Opening hours" scores higher than before
    When Ann sends the inserted answer on his last channel
    Then a mail from the help desk reaches "sam.weekend@example.com" with "Sat 10:00-16:00"
