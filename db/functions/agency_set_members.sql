-- The members of a collective assignee ("các sở, ban, ngành", "UBND các xã, phường" …) on a day: the agencies of its
-- jurisdiction its scope names, valid that day. Empty for an agency that is not a set.
CREATE OR REPLACE FUNCTION agency_set_members(set_id uuid, on_day date) RETURNS SETOF uuid
LANGUAGE sql STABLE AS $$
    SELECT m.id
    FROM agencies s
    JOIN agencies m ON m.id <> s.id AND m.kind <> 'collective'
        AND m.jurisdiction_province_code = s.jurisdiction_province_code
        AND (m.valid_from IS NULL OR m.valid_from <= on_day) AND (m.valid_until IS NULL OR m.valid_until >= on_day)
    WHERE s.id = set_id AND s.collective_scope IS NOT NULL AND (
        (s.collective_scope IN ('departments', 'local_bodies')
            AND m.kind = 'department' AND m.jurisdiction_code = s.jurisdiction_code)
        OR (s.collective_scope IN ('district_committees', 'local_bodies') AND length(s.jurisdiction_code) = 2
            AND m.kind IN ('government', 'district') AND length(m.jurisdiction_code) = 3)
        OR (s.collective_scope IN ('commune_committees', 'local_bodies')
            AND m.kind IN ('government', 'district') AND length(m.jurisdiction_code) = 5
            AND (length(s.jurisdiction_code) = 2 OR EXISTS (
                SELECT 1 FROM administrative_units u JOIN administrative_units d ON d.id = u.parent_id
                WHERE u.code = m.jurisdiction_code AND d.code = s.jurisdiction_code
                    AND (u.valid_from IS NULL OR u.valid_from <= on_day) AND (u.valid_until IS NULL OR u.valid_until >= on_day)))));
$$;
