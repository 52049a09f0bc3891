-- What the platform console and a municipality's admins may set, guarded by the schema itself:
-- a host name is a lower-case DNS name or IPv4 address (unique across the installation already,
-- being the primary key); languages come from the six Baraza ships; a logo is a small PNG or JPEG.
ALTER TABLE organization_host
    ADD CONSTRAINT organization_host_is_a_host_name
        CHECK (length(host) <= 253
               AND host ~ '^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$');

ALTER TABLE organization
    ADD CONSTRAINT organization_languages_are_shipped
        CHECK (cardinality(enabled_languages) >= 1
               AND enabled_languages <@ ARRAY['en','fr','es','pt','sw','ar']::text[]),
    ADD CONSTRAINT organization_logo_is_small_png_or_jpeg
        CHECK ((logo IS NULL) = (logo_media_type IS NULL)
               AND (logo_media_type IS NULL OR logo_media_type IN ('image/png', 'image/jpeg'))
               AND (logo IS NULL OR octet_length(logo) <= 262144));
