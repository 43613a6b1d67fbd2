-- POST of a progress report with a unique Idempotency-Key per request. BENCH_POST_TARGETS names a file of
-- "path<TAB>api key" lines (items the key's agency leads or co-operates on); requests cycle through them.
dofile(os.getenv("BENCH_LUA") .. "/report.lua")

local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
end

local prefix = os.getenv("BENCH_PATH_PREFIX") or ""
local targets, n = {}, 0
for line in io.lines(os.getenv("BENCH_POST_TARGETS")) do
  local path, key = line:match("^(%S+)\t(%S+)$")
  if path then n = n + 1; targets[n] = { prefix .. path, key } end
end
local run = os.getenv("BENCH_RUN_ID") or tostring(os.time())
local body = '{"status":"in_progress","percentComplete":40,"summary":"Đã triển khai, đang tổng hợp kết quả thực hiện."}'
local i = 0

function request()
  i = i + 1
  local t = targets[((i * 7 + (tid or 0) * 13) % n) + 1]
  return wrk.format("POST", t[1], {
    ["Content-Type"] = "application/json",
    ["X-Api-Key"] = t[2],
    ["Idempotency-Key"] = run .. "-" .. (tid or 0) .. "-" .. i,
  }, body)
end
