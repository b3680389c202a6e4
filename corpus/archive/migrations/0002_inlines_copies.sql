-- What an archive needs to give back an article exactly as Sahifa read it
-- from its file: the stretches its source set off, the other places the
-- same text was found, and an index to stream articles in Sahifa's order
-- of place (path byte by byte, then position in the file).

CREATE TABLE inlines (
    article_id text NOT NULL REFERENCES articles ON DELETE CASCADE,
    para       integer NOT NULL,
    n          integer NOT NULL,
    kind       smallint NOT NULL,        -- corpus.InlineKind
    start_at   integer NOT NULL,
    end_at     integer NOT NULL,
    url        text NOT NULL,
    PRIMARY KEY (article_id, para, n)
);

CREATE TABLE copies (
    article_id text NOT NULL REFERENCES articles ON DELETE CASCADE,
    n          integer NOT NULL,
    place      text NOT NULL,            -- path, or path#index
    PRIMARY KEY (article_id, n)
);

CREATE INDEX articles_order ON articles (path COLLATE "C", idx, id COLLATE "C");
