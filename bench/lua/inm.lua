-- GET with If-None-Match: the ETag of the current representation (BENCH_ETAG), so every answer is a 304.
dofile(os.getenv("BENCH_LUA") .. "/report.lua")
wrk.headers["If-None-Match"] = os.getenv("BENCH_ETAG")
