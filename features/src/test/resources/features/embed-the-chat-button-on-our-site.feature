Feature: Embed the chat button on our site
  A manager sets up the chat widget on the manager page "Embed the button" (GET and PUT /api/agent/widget-settings):
  its look and texts, and the sites allowed to show it beside the server's setting switchboard.widget.allowed-origins.
  The gateway keeps them in its database and applies them at once, without a restart: the bare script tag on a page
  of a site he allowed shows the button he saved; a site he removed is refused from then on.

  Scenario: The manager allows a new shop with the button's colour and text, then removes it
    Given a page of "http://garden-shop.example" asks whether an agent is available
    And the page is refused, without a CORS header
    When the manager allows the site "http://garden-shop.example" with the colour "#2e7d32" and the button text "Ask our gardeners"
    Then a page of the shop "http://garden-shop.example" shows the chat button
    And the bare script tag on that page draws the button in "#2e7d32" saying "Ask our gardeners"
    When the manager removes the site "http://garden-shop.example"
    Then the button's open stream on that page is ended
    And a visitor there cannot ask anything either

  Scenario: A site given with a path is refused, naming the field
    When the manager tries to allow the site "http://garden-shop.example/roses"
    Then he is told that "allowedOrigins" takes an origin without a path
    And a page of "http://garden-shop.example" asks whether an agent is available
    And the page is refused, without a CORS header
