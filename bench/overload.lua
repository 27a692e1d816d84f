-- wrk script for bench/overload.sh: each connection waits THINK_MS between its requests, so a
-- run offers about connections / think time requests a second as long as answers come quickly
-- (a closed loop without pauses would only ever offer what the server already manages).
local think = tonumber(os.getenv("THINK_MS") or "0")

function delay()
  return think
end
