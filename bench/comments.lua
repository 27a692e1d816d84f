-- wrk script for bench/comments.sh: each request posts a comment as one of the signed-in
-- readers listed in $CREDENTIALS (lines "cookie<TAB>csrf-token"), round robin.
-- With PACE_MS set, each connection waits that long before each post (a steady offered rate
-- instead of as fast as possible).
local creds = {}
local counter = 0
local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("thread_id", threads)
end

function init(args)
  for line in io.lines(os.getenv("CREDENTIALS")) do
    local cookie, token = line:match("([^\t]+)\t([^\t]+)")
    creds[#creds + 1] = { cookie = cookie, token = token }
  end
end

function request()
  counter = counter + 1
  local c = creds[(counter % #creds) + 1]
  -- The thread number keeps two threads from posting the same text (a duplicate is held).
  local body = "body=Load+test+comment+number+" .. counter .. "+about+the+harbour+in+thread+" .. (thread_id or 0) .. "&_csrf=" .. c.token
  return wrk.format("POST", os.getenv("TARGET_PATH"), {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Cookie"] = c.cookie,
  }, body)
end

function delay()
  local pace = tonumber(os.getenv("PACE_MS") or "0")
  return pace
end
