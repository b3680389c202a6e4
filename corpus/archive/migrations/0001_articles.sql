-- Articles, their paragraphs, names and dates, and the words search reads.
CREATE TABLE articles (
    id        text PRIMARY KEY,          -- corpus.Article.ID: stable for the same content
    path      text NOT NULL,
    idx       integer NOT NULL,          -- position in the file, -1 when it holds one article
    title     text NOT NULL,
    source    text NOT NULL,
    url       text NOT NULL,
    author    text NOT NULL,
    category  text NOT NULL,
    credit    text NOT NULL,
    date      timestamptz,               -- NULL when the file gives none
    date_from smallint NOT NULL,         -- corpus.DateSource
    dir       smallint NOT NULL,         -- corpus.Direction
    own_date  date,                      -- the article's own date, NULL when unknown
    own_from  smallint NOT NULL,         -- dates.Source
    terms     tsvector NOT NULL,         -- Sahifa's folded words with positions (see tsearch.go)
    imported  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX articles_terms ON articles USING gin (terms);
CREATE INDEX articles_place ON articles (path, idx);
CREATE INDEX articles_source ON articles (source);
CREATE INDEX articles_own_date ON articles (own_date);

CREATE TABLE paragraphs (
    article_id text NOT NULL REFERENCES articles ON DELETE CASCADE,
    n          integer NOT NULL,
    kind       smallint NOT NULL,        -- corpus.ParagraphKind
    text       text NOT NULL,
    PRIMARY KEY (article_id, n)
);

-- The page furniture taken out of each article, in document order.
CREATE TABLE furniture (
    article_id text NOT NULL REFERENCES articles ON DELETE CASCADE,
    n          integer NOT NULL,
    text       text NOT NULL,
    PRIMARY KEY (article_id, n)
);

-- Every entity named in the archive, by key.
CREATE TABLE entities (
    key  text PRIMARY KEY,               -- entities.Entity.Key: the folded canonical name
    kind smallint NOT NULL               -- the kind it was first stored with
);

-- The entities of each article, in the article's order, with its label
-- and kind for them.
CREATE TABLE article_entities (
    article_id text NOT NULL REFERENCES articles ON DELETE CASCADE,
    n          integer NOT NULL,
    entity_key text NOT NULL REFERENCES entities,
    label      text NOT NULL,
    kind       smallint NOT NULL,
    PRIMARY KEY (article_id, n)
);
CREATE INDEX article_entities_key ON article_entities (entity_key);

-- Where each article names each of its entities: byte spans of its texts.
CREATE TABLE mentions (
    article_id text NOT NULL REFERENCES articles ON DELETE CASCADE,
    n          integer NOT NULL,         -- the entity's n in article_entities
    m          integer NOT NULL,
    para       integer NOT NULL,
    start_at   integer NOT NULL,
    end_at     integer NOT NULL,
    PRIMARY KEY (article_id, n, m)
);

-- The dates an article's text names.
CREATE TABLE date_mentions (
    article_id text NOT NULL REFERENCES articles ON DELETE CASCADE,
    n          integer NOT NULL,
    para       integer NOT NULL,
    start_at   integer NOT NULL,
    end_at     integer NOT NULL,
    text       text NOT NULL,
    first_day  date NOT NULL,
    last_day   date NOT NULL,
    PRIMARY KEY (article_id, n)
);
CREATE INDEX date_mentions_days ON date_mentions (first_day, last_day);
