# The edge in front of sinmun: Varnish 7.1 (Debian bookworm) with vmod xkey (varnish-modules).
# `make stack` runs exactly this file (deploy/run edge); docs/deploy.md explains it.
#
# - Pages are cached only when the origin says they are public and names what they show in an
#   `xkey` header; they are kept for `Surrogate-Control: max-age` (default 1 h), because every
#   change to a story purges its keys at once (PURGE + `xkey-purge`).
# - When the origin is sick or answers 5xx, readers get the last good copy for up to 24 h.
# - The admin, documents, POSTs and anything with credentials pass straight through.
vcl 4.1;

import std;
import xkey;

# The origin's health: two good answers out of the last three, checked every 2 s.
probe sinmun_health {
    .url = "/healthz";
    .expected_response = 200;
    .interval = 2s;
    .timeout = 2s;
    .window = 3;
    .threshold = 2;
    .initial = 2;
}

# One app server. With several, declare one backend each and spread requests with a
# directors.round_robin() in vcl_init (docs/deploy.md, "Several app servers").
backend sinmun_app {
    .host = "127.0.0.1";
    .port = "8001";
    .probe = sinmun_health;
    .connect_timeout = 1s;
    .first_byte_timeout = 30s;
    .between_bytes_timeout = 10s;
}

# Who may purge: this machine and the app servers (they send the purges). Add each app
# server's address here, e.g. "10.0.0.11";, then reload (docs/deploy.md).
acl sinmun_purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    if (req.restarts == 0) {
        unset req.http.X-Sinmun-Stale;
    }

    if (req.method == "PURGE") {
        if (client.ip !~ sinmun_purgers) {
            return (synth(403, "Forbidden"));
        }
        # Hard purge: a withdrawn story (삭제 요청) must vanish at once, never be served stale.
        if (req.http.xkey-purge) {
            return (synth(200, "Purged " + xkey.purge(req.http.xkey-purge)));
        }
        if (req.http.xkey-softpurge) {
            return (synth(200, "Soft-purged " + xkey.softpurge(req.http.xkey-softpurge)));
        }
        # A URL purge (Wagtail's frontend_cache HTTPBackend): every variant of Host + URL.
        return (purge);
    }

    if (req.method != "GET" && req.method != "HEAD") {
        # POSTs (the read counter, forms, the admin) and anything else go to the origin.
        return (pass);
    }
    # The newsroom, documents (private collections check the login) and Wagtail's
    # login/password views for restricted pages need their cookies and are never cached.
    if (req.url ~ "^/(admin|documents|_util)(/|\?|$)" || req.http.Authorization) {
        return (pass);
    }

    # Everything else is the same for every reader: cookies only split the cache.
    unset req.http.Cookie;
    set req.url = std.querysort(req.url);

    # While the origin is healthy, a copy that expired more than 30 s ago is refetched
    # before it is shown (RFC 5861 stale-while-revalidate=30). When the probe says the
    # origin is sick, the object's whole grace (24 h) applies.
    if (req.http.X-Sinmun-Stale) {
        set req.grace = 24h;
    } elsif (std.healthy(req.backend_hint)) {
        set req.grace = 30s;
    }
    return (hash);
}

sub vcl_backend_response {
    # A failed refresh keeps the copy readers already have.
    if (beresp.status >= 500 && !bereq.uncacheable
        && (bereq.is_bgfetch || !bereq.http.X-Sinmun-Stale)) {
        return (abandon);
    }

    if (beresp.http.xkey
        && !beresp.http.Set-Cookie
        && beresp.http.Cache-Control !~ "(?i)(private|no-store|no-cache)"
        && beresp.status < 500) {
        if (beresp.http.Surrogate-Control ~ "(?i)max-age=[0-9]+") {
            set beresp.ttl = std.duration(
                regsub(beresp.http.Surrogate-Control, "(?i)^.*max-age=([0-9]+).*$", "\1s"),
                3600s);
        } else {
            set beresp.ttl = 3600s;
        }
        set beresp.grace = 24h;
        # Surrogate-Control is for this edge only; Cache-Control stays for browsers and CDNs.
        unset beresp.http.Surrogate-Control;
        return (deliver);
    }

    # Static files (hashed names) and uploads (unique names): their own Cache-Control,
    # at most a day, so a photo taken down by hand (URL purge) expires everywhere anyway.
    if (bereq.url ~ "^/(static|media)/" && beresp.status == 200 && beresp.ttl > 0s
        && !beresp.http.Set-Cookie
        && beresp.http.Cache-Control !~ "(?i)(private|no-store|no-cache)") {
        if (beresp.ttl > 24h) {
            set beresp.ttl = 24h;
        }
        set beresp.grace = 24h;
        return (deliver);
    }

    # Not marked public with keys: never stored. Hit-for-miss (not hit-for-pass) so that a
    # later cacheable answer from the same URL is cached.
    set beresp.uncacheable = true;
    set beresp.ttl = 120s;
    return (deliver);
}

sub vcl_backend_error {
    # Origin unreachable or timing out: keep the stale copy (see vcl_synth).
    if (!bereq.uncacheable && (bereq.is_bgfetch || !bereq.http.X-Sinmun-Stale)) {
        return (abandon);
    }
}

sub vcl_synth {
    # An abandoned fetch (origin 5xx or unreachable) arrives here as 503: look again, this
    # time accepting a copy of any age within its grace. Without one, the second fetch
    # delivers the origin's own error page.
    if (resp.status == 503 && req.restarts == 0
        && (req.method == "GET" || req.method == "HEAD")) {
        set req.http.X-Sinmun-Stale = "1";
        return (restart);
    }
}

sub vcl_deliver {
    if (obj.uncacheable) {
        set resp.http.X-Cache = "PASS";
    } elsif (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
    if (resp.http.xkey) {
        # The edge's copy is current until a purge replaces it: an Age of minutes would make
        # browsers and a CDN in front treat it as expired at once.
        unset resp.http.Age;
    }
    # Surrogate keys are internal; the stack's checks and benchmarks ask for them.
    if (!(req.http.X-Sinmun-Debug && client.ip ~ sinmun_purgers)) {
        unset resp.http.xkey;
        unset resp.http.X-Varnish;
        unset resp.http.Via;
    }
}
