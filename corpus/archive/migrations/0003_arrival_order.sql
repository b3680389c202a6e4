-- The order articles arrive in, so that a reader who has loaded the
-- archive can ask for what came after (archive.Follow), and a
-- notification on each committed batch, so that it asks at once.
--
-- seq is given under a lock that each inserting transaction holds until
-- it commits: a transaction takes its numbers only once the one before
-- has committed or rolled back, so numbers become visible in their
-- order, and a reader that has seen number n will never later see a
-- number below n appear. Asking for seq > the last one seen therefore
-- misses nothing, whoever writes, without changing the import's
-- statements. The price is that importers store one transaction at a
-- time. The sequence caches no numbers: a cached range per session would
-- hand numbers out of that order.

CREATE SEQUENCE articles_seq AS bigint CACHE 1;

ALTER TABLE articles ADD COLUMN seq bigint;
-- The articles already stored, in the order they were imported.
UPDATE articles a SET seq = o.n
FROM (SELECT id, row_number() OVER (ORDER BY imported, path COLLATE "C", idx, id COLLATE "C") AS n
      FROM articles) o
WHERE a.id = o.id;
SELECT setval('articles_seq', coalesce(max(seq), 0) + 1, false) FROM articles;
ALTER TABLE articles ALTER COLUMN seq SET NOT NULL;
CREATE UNIQUE INDEX articles_seq_order ON articles (seq);

-- 0x5a4f1f5 is the lock of arrivals, next to Migrate's 0x5a4f1f4.
CREATE FUNCTION articles_number() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_advisory_xact_lock(94695925);
    NEW.seq := nextval('articles_seq');
    RETURN NEW;
END
$$;
CREATE TRIGGER articles_number BEFORE INSERT ON articles
    FOR EACH ROW EXECUTE FUNCTION articles_number();

-- Delivered when the transaction commits, once however many articles it
-- stored; the payload is the newest seq, for whoever wants to log it.
CREATE FUNCTION articles_notify() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    newest bigint;
BEGIN
    SELECT max(seq) INTO newest FROM fresh;
    IF newest IS NOT NULL THEN
        PERFORM pg_notify('sahifa_articles', newest::text);
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER articles_notify AFTER INSERT ON articles
    REFERENCING NEW TABLE AS fresh
    FOR EACH STATEMENT EXECUTE FUNCTION articles_notify();
