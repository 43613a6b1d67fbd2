# Regenerates bench/sql/*.sql (pgbench scripts) from the SQL EF sends, as kept in bench/RawApp/Sql.cs.
# usage: python3 bench/sql/make-pgbench-scripts.py   (from the repository root)
import re, textwrap
cs = open('bench/RawApp/Sql.cs', encoding='utf-8').read()
d = {m.group(1): textwrap.dedent(m.group(2)).strip('\n') for m in re.finditer(r'public const string (\w+) = """\n(.*?)\n\s*""";', cs, re.S)}
def sub(s, m):
    for k,v in m.items(): s=re.sub(r'@'+re.escape(k)+r'\b', lambda _: v, s)
    assert '@' not in s, s
    return s
def ch(m): return {f'p{12+i}':v for i,v in enumerate(m)}
hdr=lambda t: f"-- {t}\n-- The SQL EF Core sends (bench/RawApp/Sql.cs), for pgbench -M prepared; bench/run.sh passes the -D variables.\n"
files={}
files['item.sql']=hdr('Item by key: the single-item projection GetPlanItemHandler.FindAsync sent before the items read model (3a42338).')+ \
  sub(d['Item'],{'planId':':plan','ordinal':':ordinal'})+';\n'
files['status.sql']=hdr('Plan status summary: the two queries GetPlanStatusHandler runs (the summary itself is computed in the app).')+ \
  sub(d['StatusPlan'],{'query_PlanId':':plan'})+';\n'+sub(d['StatusItems'],{'plan_Id':':plan'})+';\n'
files['agency.sql']=hdr("An agency's item list, first page of 20: agency id, total, page.")+ \
  sub(d['AgencyId'],{'query_Code':':code'})+' \\gset agency_\n'+ \
  sub(d['AgencyItemsCount'],{'agencyId':':agency_id'})+';\n'+sub(d['AgencyItemsPage'],{'agencyId':':agency_id','p3':':limit','p':':offset'})+';\n'
files['search.sql']=hdr('Item search in a plan with q=: plan visible, total, page (best match first).')+ \
  sub(d['PlanExists'],{'query_PlanId':':plan'})+';\n'+sub(d['SearchCount'],{'query_PlanId':':plan','key':':key'})+';\n'+ \
  sub(d['SearchPage'],{'key':':key','query_PlanId':':plan','p6':':limit','p':':offset'})+';\n'
files['changes.sql']=hdr('A change-feed page (limit 100: 101 rows are read to know whether more wait).')+ \
  sub(d['Changes'],{'query_After':':after','p':':limit1'})+';\n'
# POST: what the API sends once warm (its API key and the reporting agency come from memory, no statement), in the
# API's four round trips: BEGIN with the claim (one pipeline), the item FOR UPDATE, the batch (one pipeline), COMMIT.
# Values EF computes in .NET: the report's and the audit entry's ids (the idempotency record points at the latter),
# time first like the API's UUIDv7 (the transaction's start in ms, then md5 of k): random ids would scatter the inserts
# over the big tables' primary-key indexes, pages the API's ids never read. The rest are -D variables (the report's
# JSON as the audit entry's "after", the versions, the request hash).
def uuid7(salt): return f"(lpad(to_hex((extract(epoch FROM now()) * 1000)::bigint), 12, '0') || '7' || substr(md5({salt}), 1, 19))::uuid"
report_id=uuid7('(:k)::text')
audit_id=uuid7("'audit:' || (:k)::text")
audit={'p0':audit_id,'p1':"'create'",'p2':':after','p3':':agency','p4':'NULL','p5':':scope','p6':':client','p7':':keyid','p8':'now()',
       'p9':report_id+'::text','p10':"'progress_report'",'p11':':trace'}
c1=ch(["'create'","'/api/v1/progress-reports/' || "+report_id,'now()','true',report_id+'::text',"'progress_report'",':etag'])
c2=ch(["'update'","'/api/v1/plans/' || :PLAN || '/items/' || :ord",'now()','true',":PLAN || '/' || :ord","'plan_item'",':etag'])
report={'p33':report_id,'p34':'NULL','p35':'NULL','p36':'NULL','p37':'NULL','p38':':pct','p39':'NULL','p40':'NULL','p41':':item_id',
        'p42':'now()','p43':':agencyid','p44':':status','p45':':summary'}
idem={'p46':'(:k)::text','p47':':scope','p48':audit_id,'p49':r"'\x'",'p50':'now()','p51':':reqhash'}
# The UPDATE a repeated report sends (status and percent unchanged: the benchmark's steady state).
update={'p26':'now()','p27':report_id,'p28':'now()','p29':':item_id','p30':':item_xmin'}
post=hdr("POST of a progress report with an Idempotency-Key: every statement the API sends once warm, in its four round trips (:PLAN is set per target plan).")
post+='\\set ord random(1, 20)\n\\set k random(1, 1000000000000)\n'
post+='\\startpipeline\nBEGIN;\n'+sub(d['IdempotencyClaim'],{'p0':':scope','p1':'(:k)::text'})+';\n\\endpipeline\n'
# One row per coordinator, so \aset (the last row's values); the item's id and row version get names of their own
# (the query, its plan and its rows are the API's) for the batch's UPDATE and INSERT.
item=sub(d['ItemForUpdate'],{'p0':':PLAN','p1':':ord'})
item=item.replace('SELECT s.id, ','SELECT s.id AS item_id, ',1).replace(', s.xmin, s.id0, ',', s.xmin AS item_xmin, s.id0, ',1)
assert 'item_id' in item and 'item_xmin' in item
post+=item+' \\aset\n'
post+='\\startpipeline\n'
post+=sub(d['InsertAudit'],audit)+';\n'
post+=sub(d['InsertChange'],c1)+';\n'
post+=sub(d['InsertChange'],c2)+';\n'
post+=sub(d['UpdateItemReported'],update)+';\n'
post+=sub(d['InsertReport'],report)+';\n'
post+=sub(d['InsertIdempotency'],idem)+';\n'
post+='\\endpipeline\nCOMMIT;\n'
files['post.sql']=post
# Writes only: no claim, no locking read. The UPDATE finds the row by (plan, ordinal) and hands its id to the report
# (\gset cannot run in a pipeline), then the batch's INSERTs in one pipeline.
w=hdr("POST of a progress report, writes only: the UPDATE and INSERTs of the API's batch, no claim, no locking read (:PLAN is set per target plan).")
w+='\\set ord random(1, 20)\n\\set k random(1, 1000000000000)\nBEGIN;\n'
w+=sub(d['UpdateItemReported'],{**update,'p29':'NULL','p30':'NULL'}).replace('WHERE id = NULL AND xmin = NULL','WHERE plan_id = :PLAN AND ordinal = :ord') \
    .replace('RETURNING xmin','RETURNING id \\gset item_')+'\n'
w+='\\startpipeline\n'
w+=sub(d['InsertAudit'],audit)+';\n'
w+=sub(d['InsertChange'],c1)+';\n'
w+=sub(d['InsertChange'],c2)+';\n'
w+=sub(d['InsertReport'],report)+';\n'
w+=sub(d['InsertIdempotency'],idem)+';\n'
w+='\\endpipeline\nCOMMIT;\n'
files['post-writes.sql']=w
for n,s in files.items(): open('bench/sql/'+n,'w',encoding='utf-8').write(s)
