Feature: An integrator adds a device adapter
  To reach customers on a device the gateway does not know yet, an integrator implements
  dev.switchboard.spi.DeviceAdapter against adapter-spi alone, names his class in
  META-INF/services/dev.switchboard.spi.DeviceAdapter and puts it on the gateway's class path.
  Nothing in the hub changes.

  The "pager" adapter of these features exists only in their test sources (com.example.pager) and
  speaks a protocol of its own, lines over TCP on a port of its own (setting switchboard.pager.port,
  0 for any free port, which GET /pager/status tells):

    MSG <message-id> FROM <E.164 number> <text>
      -> REPLY <message-id> <conversation-id> <customer token or -> <the reply as SMS text, line breaks as \n>
    anything else
      -> ERROR <reason>

  Background:
    Given the integrator's adapter "com.example.pager.PagerAdapter" is listed as a device adapter service on the class path

  Scenario: The gateway loads the adapter at start-up and reports on it
    When the gateway has started
    Then its health report shows the adapter "pager" UP
    And its health report shows the adapter "web" UP
    And its start page lists the channels "pager" and "web"
    And its start page links the page "/pager/status"

  Scenario: A pager question is answered from the knowledge base over the pager's own line
    Given a pager of a new customer is connected to the gateway's pager line
    When the pager sends message "p-1" saying "What are your opening hours?"
    Then the pager gets the reply to "p-1" from the knowledge base: "Switchboard service points are open Mon-Fri 9:00-20:00"
    And the customer's conversation holds his question and the reply once each, on the channel "pager"

  Scenario: A message the pager sends twice is answered twice but stored once
    Given a pager of a new customer is connected to the gateway's pager line
    When the pager sends message "p-2" saying "What are your opening hours?"
    And the pager sends message "p-2" saying "What are your opening hours?" again
    Then both replies to "p-2" carry the same answer, and only the first the customer token
    And the customer's conversation holds his question and the reply once each, on the channel "pager"

  Scenario Outline: A line the adapter cannot take gets an error, and the connection keeps working
    Given a pager of a new customer is connected to the gateway's pager line
    When the pager sends the line "<line>"
    Then the pager gets an error saying "<reason>"
    When the pager sends message "p-3" saying "What are your opening hours?"
    Then the pager gets the reply to "p-3" from the knowledge base: "Switchboard service points are open Mon-Fri 9:00-20:00"

    Examples:
      | line                              | reason                                                            |
      | HELLO THERE                       | unknown command 'HELLO'; send MSG <message-id> FROM <number> <text> |
      | MSG p-3 FROM 12345 hello          | phone number must be in international form                        |
      | MSG p-3 FROM +447700900123        | message p-3 has no text                                           |
      | MSG p-3 hello                     | expected MSG <message-id> FROM <number> <text>                    |
      | MSG p/3 FROM +447700900123 hello  | message id must be 1 to 64 letters, digits                        |

  Scenario: A line longer than the adapter takes gets an error, and the connection keeps working
    Given a pager of a new customer is connected to the gateway's pager line
    When the pager sends a line of 5000 characters
    Then the pager gets an error saying "line longer than 4096 characters"
    When the pager sends message "p-4" saying "What are your opening hours?"
    Then the pager gets the reply to "p-4" from the knowledge base: "Switchboard service points are open Mon-Fri 9:00-20:00"
