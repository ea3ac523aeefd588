-- Agent and manager accounts of the agent desktop. Passwords as BCrypt hashes only; skills and teams as
-- comma-separated names (each a-z, 0-9, '.', '_', '-'). Portable SQL (H2, PostgreSQL).

CREATE TABLE agent_accounts (
    username             VARCHAR(32)              NOT NULL PRIMARY KEY,
    display_name         VARCHAR(100)             NOT NULL,
    role                 VARCHAR(16)              NOT NULL,
    password_hash        VARCHAR(100)             NOT NULL,
    must_change_password BOOLEAN                  NOT NULL,
    skills               VARCHAR(2000)            NOT NULL,
    teams                VARCHAR(2000)            NOT NULL,
    capacity             INTEGER                  NOT NULL,
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL
);
