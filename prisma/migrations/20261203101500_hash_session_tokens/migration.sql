-- Session tokens are stored as their SHA-256 (hex) from now on (server/auth/sessions.ts): hash the ones already
-- stored, so nobody is signed out, and end every session 30 days after it began (the new absolute lifetime).
UPDATE "Session" SET "sessionToken" = encode(sha256(convert_to("sessionToken", 'UTF8')), 'hex');
UPDATE "Session" SET "expires" = LEAST("expires", "createdAt" + interval '30 days');
