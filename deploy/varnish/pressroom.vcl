# Varnish 7 in front of Pressroom (Debian: apt-get install varnish varnish-modules).
#
# Anonymous readers share one copy of every reader page; signed-in readers, staff pages, forms
# and the live comment stream pass through. Pressroom names what each page shows in its
# Surrogate-Key header and, with PRESSROOM_PURGE_URL pointing here, sends
#   PURGE /  with  xkey-purge: <keys>
# whenever content changes, so a new comment or a withdrawal reaches readers at once.
# Pages keep a day of grace: while the nodes are down, readers get the last copy (stale-if-error).
vcl 4.1;

import std;
import xkey;

# The load balancer (deploy/haproxy/pressroom.cfg), or a single node.
backend pressroom {
  .host = "127.0.0.1";
  .port = "8000";
  .connect_timeout = 2s;
  .first_byte_timeout = 30s;
  .probe = {
    # HAProxy's own answer: 200 while any node is up (with a single node and no HAProxy, use
    # /healthz).
    .url = "/lb-health";
    .interval = 1s;
    .timeout = 1s;
    .window = 3;
    .threshold = 2;
  }
}

# Who may purge: the Pressroom nodes, and only on the listener named "purge" (varnishd -a
# purge=127.0.0.1:6082), which readers never reach. An address check alone is not enough: a TLS
# terminator on this machine makes every reader come from 127.0.0.1.
acl purgers {
  "127.0.0.1";
  "::1";
}

sub vcl_recv {
  if (req.method == "PURGE") {
    if (local.socket != "purge" || client.ip !~ purgers) {
      return (synth(403, "Not allowed to purge"));
    }
    if (!req.http.xkey-purge) {
      return (synth(400, "A purge names its surrogate keys in xkey-purge"));
    }
    set req.http.x-purged = xkey.purge(req.http.xkey-purge);
    return (synth(200, "Purged " + req.http.x-purged));
  }
  if (req.method != "GET" && req.method != "HEAD") {
    return (pass);
  }
  # The live comment stream (Server-Sent Events): one long response, silent between comments,
  # handed straight through (pipe); passed, its first bytes sometimes stayed in Varnish. Start
  # varnishd with -p pipe_timeout=3600 (seconds of silence before a piped connection is closed;
  # 60 by default; the stream says ": ping" every 25 s, so 60 s is enough too); HAProxy allows
  # an hour, and then the browser reconnects.
  if (req.url ~ "^/articles/[^/?]+/comments/live$") {
    return (pipe);
  }
  # A signed-in reader's pages are made for them.
  if (req.http.Cookie ~ "(^|;\s*)(__Host-)?pressroom-session=") {
    return (pass);
  }
  # Pages with a form token, pages for one person, the API.
  if (req.url ~ "^/(signin|register|recover|reset|verify|profile|reading-list|staff|api/|metrics|healthz)") {
    return (pass);
  }
  # Anonymous pages do not read cookies: without them every anonymous visitor shares one copy.
  unset req.http.Cookie;
  # One object per set of parameters, whatever their order.
  set req.url = std.querysort(req.url);
  # While the nodes answer, serve a page at most 30 s past its lifetime (and fetch a new one in
  # the background); when they do not, serve the last copy for up to its full grace.
  if (std.healthy(req.backend_hint)) {
    set req.grace = 30s;
  }
  return (hash);
}

sub vcl_backend_response {
  if (beresp.http.Surrogate-Key) {
    set beresp.http.xkey = beresp.http.Surrogate-Key;
    # Search answers are many and short-lived: an hour of grace, not a day.
    if (bereq.url ~ "^/search") {
      set beresp.grace = 1h;
    } else {
      set beresp.grace = 24h;
    }
  }
  # A failed background refresh keeps the copy we have.
  if (beresp.status >= 500 && bereq.is_bgfetch) {
    return (abandon);
  }
  # A failed fetch (a node's 503 under load, say) is not remembered for long: within a second
  # readers of that page are again served from one fetch instead of each going to the nodes.
  if (beresp.status >= 500) {
    set beresp.ttl = 1s;
    set beresp.uncacheable = true;
    return (deliver);
  }
  # Then Varnish's built-in rules: nothing that sets a cookie or says private/no-store is kept.
}

# A piped connection carries nothing after the stream: the browser's next request opens another.
sub vcl_pipe {
  set bereq.http.Connection = "close";
}

sub vcl_deliver {
  if (obj.hits > 0) {
    set resp.http.X-Cache = "HIT";
  } else {
    set resp.http.X-Cache = "MISS";
  }
  unset resp.http.xkey;
  unset resp.http.Surrogate-Key;
  unset resp.http.Via;
  unset resp.http.X-Varnish;
}
