-- The chat widget's settings as managers save them on the manager page "Embed the button": its look and invitation
-- (one row, id 'site'), its texts per language, and the sites allowed to show it beside the server's setting
-- switchboard.widget.allowed-origins. Written whole at each save, in one transaction. Portable SQL (H2, PostgreSQL).

CREATE TABLE widget_settings (
    id                   VARCHAR(16)              NOT NULL PRIMARY KEY,
    color                VARCHAR(7)               NOT NULL,
    position             VARCHAR(8)               NOT NULL,
    default_language     VARCHAR(8)               NOT NULL,
    invite_on            BOOLEAN                  NOT NULL,
    invite_after_seconds INTEGER                  NOT NULL,
    invite_path_pattern  VARCHAR(200)             NOT NULL,
    invite_min_pages     INTEGER                  NOT NULL,
    saved_by             VARCHAR(32)              NOT NULL,
    saved_at             TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Empty texts are the widget's own for that language.
CREATE TABLE widget_texts (
    settings_id  VARCHAR(16)  NOT NULL REFERENCES widget_settings (id) ON DELETE CASCADE,
    language     VARCHAR(8)   NOT NULL,
    available    VARCHAR(60)  NOT NULL,
    unavailable  VARCHAR(60)  NOT NULL,
    greeting     VARCHAR(200) NOT NULL,
    invitation   VARCHAR(200) NOT NULL,
    PRIMARY KEY (settings_id, language)
);

-- Origins such as https://shop.example.com, in lower case; position keeps the manager's order.
CREATE TABLE widget_allowed_origins (
    settings_id VARCHAR(16)  NOT NULL REFERENCES widget_settings (id) ON DELETE CASCADE,
    origin      VARCHAR(300) NOT NULL,
    position    INTEGER      NOT NULL,
    PRIMARY KEY (settings_id, origin)
);
