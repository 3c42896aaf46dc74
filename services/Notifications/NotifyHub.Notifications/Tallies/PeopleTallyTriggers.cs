namespace NotifyHub.Notifications.Tallies;

/// <summary>
/// The triggers on the affected parties that write <see cref="PeopleTally"/> rows through <see cref="KnownPerson"/>,
/// created by the <c>NoticeTallies</c> migration with <see cref="TallyTriggers"/>. On PostgreSQL the statement's new
/// people are inserted into <c>known_people</c> with <c>ON CONFLICT DO NOTHING</c> (in key order, so that two
/// transactions never wait on each other in a cycle) and only the rows really inserted are counted; a person leaves
/// when a statement deletes their last projection. SQLite has one writer, so its row triggers need no such care.
/// </summary>
public static class PeopleTallyTriggers
{
    public const string PostgreSqlUp = """
        CREATE FUNCTION notifications.tally_inserted_parties() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            WITH added AS (
                INSERT INTO notifications.known_people ("IncidentId", "PersonId")
                    SELECT DISTINCT "IncidentId", "PersonId" FROM entering ORDER BY 1, 2
                    ON CONFLICT DO NOTHING RETURNING "IncidentId")
            INSERT INTO notifications.people_tallies ("IncidentId", "Delta")
                SELECT "IncidentId", count(*) FROM added GROUP BY 1;
            RETURN NULL;
        END $$;

        CREATE FUNCTION notifications.tally_deleted_parties() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            WITH gone AS (
                DELETE FROM notifications.known_people k USING (SELECT DISTINCT "IncidentId", "PersonId" FROM leaving) l
                    WHERE k."IncidentId" = l."IncidentId" AND k."PersonId" = l."PersonId" AND NOT EXISTS (
                        SELECT 1 FROM notifications.affected_parties p WHERE p."IncidentId" = l."IncidentId" AND p."PersonId" = l."PersonId")
                    RETURNING k."IncidentId")
            INSERT INTO notifications.people_tallies ("IncidentId", "Delta")
                SELECT "IncidentId", -count(*) FROM gone GROUP BY 1;
            RETURN NULL;
        END $$;

        CREATE TRIGGER people_tallies_insert AFTER INSERT ON notifications.affected_parties
            REFERENCING NEW TABLE AS entering FOR EACH STATEMENT EXECUTE FUNCTION notifications.tally_inserted_parties();
        CREATE TRIGGER people_tallies_delete AFTER DELETE ON notifications.affected_parties
            REFERENCING OLD TABLE AS leaving FOR EACH STATEMENT EXECUTE FUNCTION notifications.tally_deleted_parties();

        INSERT INTO notifications.known_people ("IncidentId", "PersonId")
            SELECT DISTINCT "IncidentId", "PersonId" FROM notifications.affected_parties;
        INSERT INTO notifications.people_tallies ("IncidentId", "Delta")
            SELECT "IncidentId", count(*) FROM notifications.known_people GROUP BY 1;
        """;

    public const string PostgreSqlDown = """
        DROP TRIGGER people_tallies_insert ON notifications.affected_parties;
        DROP TRIGGER people_tallies_delete ON notifications.affected_parties;
        DROP FUNCTION notifications.tally_inserted_parties();
        DROP FUNCTION notifications.tally_deleted_parties();
        """;

    public const string SqliteUp = """
        CREATE TRIGGER people_tallies_insert AFTER INSERT ON affected_parties
            WHEN NOT EXISTS (SELECT 1 FROM known_people k WHERE k."IncidentId" = NEW."IncidentId" AND k."PersonId" = NEW."PersonId") BEGIN
            INSERT INTO known_people ("IncidentId", "PersonId") VALUES (NEW."IncidentId", NEW."PersonId");
            INSERT INTO people_tallies ("IncidentId", "Delta") VALUES (NEW."IncidentId", 1);
        END;
        CREATE TRIGGER people_tallies_delete AFTER DELETE ON affected_parties
            WHEN NOT EXISTS (SELECT 1 FROM affected_parties p WHERE p."IncidentId" = OLD."IncidentId" AND p."PersonId" = OLD."PersonId") BEGIN
            DELETE FROM known_people WHERE "IncidentId" = OLD."IncidentId" AND "PersonId" = OLD."PersonId";
            INSERT INTO people_tallies ("IncidentId", "Delta") VALUES (OLD."IncidentId", -1);
        END;

        INSERT INTO known_people ("IncidentId", "PersonId") SELECT DISTINCT "IncidentId", "PersonId" FROM affected_parties;
        INSERT INTO people_tallies ("IncidentId", "Delta") SELECT "IncidentId", count(*) FROM known_people GROUP BY 1;
        """;

    public const string SqliteDown = """
        DROP TRIGGER people_tallies_insert;
        DROP TRIGGER people_tallies_delete;
        """;
}
