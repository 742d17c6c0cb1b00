"""The team project's schema on PostgreSQL, with its roles and row-level security.

One database per team project. ``entity`` holds every entity of the project by UUID (its kind,
its payload as jsonb, the PostgreSQL role that created it, a tombstone flag and the sequence
number of its last change); ``change`` is the append-only log of every change, written only by
a trigger running as the schema's owner, so a coder can neither forge nor erase an entry;
``conflict`` keeps the losing value of every conflicting edit for review.

Who may do what is the server's business, not the client's: two group roles per database,
``<db>_lead`` and ``<db>_coder``. Everyone may read and insert (as themselves: ``owner`` is
always the inserting role). An existing row may be changed (or tombstoned) by a lead, or by its
owner unless it is a code: only leads change the codebook's existing codes. Rows are never
deleted (no DELETE privilege): a deletion is a tombstone, and a tombstone stays one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # psycopg loads when a schema is made, not with the window (issue 9)
    from psycopg import sql

# Bumped when the server schema changes; a client refuses a server of another version.
SERVER_FORMAT = 1
ADVISORY_KEY = 0x5EA11C0DE  # pg_advisory_xact_lock: one push at a time, so seq = commit order


def role_names(database: str) -> tuple[str, str]:
    return f"{database}_lead", f"{database}_coder"


_TABLES = """
CREATE TABLE team_info (key text PRIMARY KEY, value text NOT NULL);
CREATE SEQUENCE change_seq;
CREATE TABLE entity (
    uuid uuid PRIMARY KEY,
    kind text NOT NULL,
    owner name NOT NULL DEFAULT current_user,
    payload jsonb NOT NULL,
    deleted boolean NOT NULL DEFAULT false,
    seq bigint NOT NULL DEFAULT 0
);
CREATE INDEX entity_seq ON entity (seq);
CREATE INDEX entity_kind ON entity (kind);
-- Names unique where the project needs them, so no copy ever meets two of one name.
CREATE UNIQUE INDEX entity_code_name ON entity ((payload->>'parent'), lower(payload->>'name'))
    WHERE kind = 'code' AND NOT deleted;
CREATE UNIQUE INDEX entity_root_code_name ON entity (lower(payload->>'name'))
    WHERE kind = 'code' AND NOT deleted AND payload->>'parent' IS NULL;
CREATE UNIQUE INDEX entity_unique_name ON entity (kind, lower(payload->>'name'))
    WHERE kind IN ('case', 'coder', 'attribute') AND NOT deleted;
CREATE TABLE change (
    seq bigint PRIMARY KEY,
    kind text NOT NULL,
    uuid uuid NOT NULL,
    op text NOT NULL,
    payload jsonb,
    coder name NOT NULL,
    clock text,
    at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE conflict (
    id bigserial PRIMARY KEY,
    kind text NOT NULL,
    uuid uuid NOT NULL,
    field text NOT NULL,
    kept jsonb,
    lost jsonb,
    kept_by name NOT NULL DEFAULT current_user,
    lost_by name,
    flipped boolean NOT NULL DEFAULT false,
    at timestamptz NOT NULL DEFAULT now()
);

-- Before each write: the owner never changes, a tombstone stays one, the row takes the next
-- sequence number.
CREATE FUNCTION entity_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' THEN
        IF OLD.deleted THEN
            RETURN NULL;
        END IF;
        NEW.owner := OLD.owner;
        NEW.kind := OLD.kind;
    ELSE
        NEW.owner := current_user;
    END IF;
    NEW.seq := nextval('change_seq');
    RETURN NEW;
END $$;
CREATE TRIGGER entity_guard BEFORE INSERT OR UPDATE ON entity
    FOR EACH ROW EXECUTE FUNCTION entity_guard();

-- After each write: the change log, written as the schema's owner (SECURITY DEFINER), naming
-- the role that really made the change.
CREATE FUNCTION entity_log() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = public, pg_temp AS $$
BEGIN
    INSERT INTO change (seq, kind, uuid, op, payload, coder, clock)
    VALUES (NEW.seq, NEW.kind, NEW.uuid,
            CASE WHEN TG_OP = 'INSERT' THEN 'insert' WHEN NEW.deleted THEN 'delete'
                 ELSE 'update' END,
            CASE WHEN NEW.deleted THEN NULL WHEN NEW.kind = 'document' THEN NEW.payload - 'text'
                 ELSE NEW.payload END,
            session_user, current_setting('workbench.clock', true));
    RETURN NULL;
END $$;
CREATE TRIGGER entity_log AFTER INSERT OR UPDATE ON entity
    FOR EACH ROW EXECUTE FUNCTION entity_log();
"""


def schema_statements(database: str) -> list[sql.Composed | sql.SQL]:
    """Every statement that makes a fresh team database ready (run as its owner)."""
    from psycopg import sql

    lead, coder = (sql.Identifier(name) for name in role_names(database))
    is_lead = sql.SQL("pg_has_role(current_user, {}, 'MEMBER')").format(
        sql.Literal(role_names(database)[0]))
    statements: list[sql.Composed | sql.SQL] = [sql.SQL(_TABLES)]
    statements += [
        sql.SQL("ALTER TABLE entity ENABLE ROW LEVEL SECURITY"),
        sql.SQL("ALTER TABLE conflict ENABLE ROW LEVEL SECURITY"),
        sql.SQL("CREATE POLICY entity_read ON entity FOR SELECT USING (true)"),
        sql.SQL("CREATE POLICY entity_add ON entity FOR INSERT WITH CHECK (owner = current_user)"),
        sql.SQL("CREATE POLICY entity_change ON entity FOR UPDATE USING ({lead} OR "
                "(owner = current_user AND kind <> 'code')) WITH CHECK (true)"
                ).format(lead=is_lead),
        sql.SQL("CREATE POLICY conflict_read ON conflict FOR SELECT USING (true)"),
        sql.SQL("CREATE POLICY conflict_add ON conflict FOR INSERT "
                "WITH CHECK (kept_by = current_user)"),
        sql.SQL("CREATE POLICY conflict_flip ON conflict FOR UPDATE USING ({lead} OR "
                "kept_by = current_user OR lost_by = current_user)").format(lead=is_lead),
        sql.SQL("REVOKE ALL ON ALL TABLES IN SCHEMA public FROM PUBLIC"),
        sql.SQL("GRANT {coder} TO {lead}").format(coder=coder, lead=lead),
        sql.SQL("GRANT USAGE ON SCHEMA public TO {coder}").format(coder=coder),
        sql.SQL("GRANT SELECT ON team_info, change, conflict TO {coder}").format(coder=coder),
        sql.SQL("GRANT SELECT, INSERT, UPDATE ON entity TO {coder}").format(coder=coder),
        sql.SQL("GRANT INSERT (kind, uuid, field, kept, lost, lost_by) ON conflict TO {coder}"
                ).format(coder=coder),
        sql.SQL("GRANT UPDATE (kept, lost, kept_by, lost_by, flipped) ON conflict TO {coder}"
                ).format(coder=coder),
        sql.SQL("GRANT USAGE ON SEQUENCE change_seq, conflict_id_seq TO {coder}").format(
            coder=coder),
    ]
    return statements
