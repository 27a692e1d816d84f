-- wrk script for bench/comments.sh: each request posts a comment as one of the signed-in
-- readers listed in $CREDENTIALS (lines "cookie<TAB>csrf-token"), round robin.
local creds = {}
local counter = 0

function init(args)
  for line in io.lines(os.getenv("CREDENTIALS")) do
    local cookie, token = line:match("([^\t]+)\t([^\t]+)")
    creds[#creds + 1] = { cookie = cookie, token = token }
  end
end

function request()
  counter = counter + 1
  local c = creds[(counter % #creds) + 1]
  local body = "body=Load+test+comment+number+" .. counter .. "+about+the+harbour&_csrf=" .. c.token
  return wrk.format("POST", os.getenv("TARGET_PATH"), {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Cookie"] = c.cookie,
  }, body)
end
