-- 0010: people who sign in to the dashboard (ASP.NET Core Identity users). Each belongs to one workspace with one
-- of the API key roles (admin, marketer, sales, viewer); the password is stored only as Identity's salted hash.
CREATE TABLE users (
    id uuid NOT NULL,
    workspace_id uuid NOT NULL,
    role character varying(20) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    user_name character varying(256),
    normalized_user_name character varying(256),
    email character varying(256),
    normalized_email character varying(256),
    email_confirmed boolean NOT NULL,
    password_hash text,
    security_stamp text,
    concurrency_stamp text,
    phone_number text,
    phone_number_confirmed boolean NOT NULL,
    two_factor_enabled boolean NOT NULL,
    lockout_end timestamp with time zone,
    lockout_enabled boolean NOT NULL,
    access_failed_count integer NOT NULL,
    CONSTRAINT pk_users PRIMARY KEY (id),
    CONSTRAINT fk_users_workspace_id FOREIGN KEY (workspace_id) REFERENCES workspaces (id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX ix_users_normalized_user_name ON users (normalized_user_name);
CREATE UNIQUE INDEX ix_users_normalized_email ON users (normalized_email);
CREATE INDEX ix_users_workspace_id ON users (workspace_id);
