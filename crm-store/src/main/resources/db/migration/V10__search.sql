-- Full-text search for the inbox: words of subjects and bodies, and customers' names ('simple'
-- configuration: no stemming, any language; addresses are matched exactly through contact_point).
create index interaction_search_idx on interaction
    using gin (to_tsvector('simple', coalesce(subject, '') || ' ' || coalesce(body_text, '')));
create index customer_name_search_idx on customer using gin (to_tsvector('simple', coalesce(display_name, '')));
