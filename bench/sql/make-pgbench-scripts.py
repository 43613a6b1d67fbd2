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
audit={'p0':'gen_random_uuid()','p1':"'create'",'p2':':after','p3':':agency','p4':'NULL','p5':':scope','p6':':client','p7':':keyid','p8':'now()','p9':'md5((:k)::text)','p10':"'progress_report'",'p11':':trace'}
c1=ch(["'create'","'/api/v1/progress-reports/' || md5((:k)::text)",'now()','true','md5((:k)::text)',"'progress_report'",':etag'])
c2=ch(["'update'","'/api/v1/plans/' || :PLAN || '/items/' || :ord",'now()','true',":PLAN || '/' || :ord","'plan_item'",':etag'])
idem={'p0':'(:k)::text','p1':':scope','p2':"convert_to(:after, 'UTF8')",'p3':"'application/json; charset=utf-8'",'p4':'now()','p5':"'/api/v1/progress-reports/' || md5((:k)::text)",'p6':':reqhash','p7':'201'}
post=hdr('POST of a progress report with an Idempotency-Key: every statement the API sends, in one transaction (:PLAN is set per target plan).')
post+='\\set ord random(1, 20)\n\\set k random(1, 1000000000000)\n'
post+=sub(d['ApiKey'],{'hash':':keyhash'})+';\n'
post+='BEGIN;\n'
post+=sub(d['IdempotencyLock'],{'p0':':lockto','p1':':scope','p2':'(:k)::text','p3':':lockthen'})+';\n'
post+=sub(d['IdempotencyLookup'],{'scope':':scope','key':'(:k)::text'})+';\n'
post+=sub(d['AgencyByCode'],{'agencyCode':':agency'}).replace('SELECT a.id,', 'SELECT a.id AS rep_id,', 1)+' \\gset\n'
post+=sub(d['ItemForUpdate'],{'p0':':PLAN','p1':':ord'})+';\n'
# The locking query's result repeats the names id and xmin (the coordinators' agencies), so pgbench cannot take the
# item's id from it: the UPDATE finds the locked row by (plan, ordinal), an index of the same kind as the API's (id, xmin).
post+=sub(d['UpdateItem'],{'p0':'now()','p1':'md5((:k)::text)::uuid','p2':':pct','p3':':status','p4':'now()','p5':'NULL','p6':'NULL'}) \
    .replace('WHERE id = NULL AND xmin = NULL', 'WHERE plan_id = :PLAN AND ordinal = :ord').replace('RETURNING xmin', 'RETURNING id, xmin \\gset item_')+'\n'
post+=sub(d['InsertReport'],{'p7':'md5((:k)::text)::uuid','p8':'NULL','p9':'NULL','p10':'NULL','p11':':pct','p12':'NULL','p13':'NULL','p14':':item_id','p15':'now()','p16':':rep_id','p17':':status','p18':':summary'})+';\n'
post+=sub(d['InsertAudit'],audit)+';\n'
post+=sub(d['InsertChange'],c1)+';\n'
post+=sub(d['InsertChange'],c2)+';\n'
post+=sub(d['InsertIdempotency'],idem)+';\n'
post+='COMMIT;\n'
files['post.sql']=post
w=hdr("POST of a progress report, writes only: the UPDATE and INSERTs of the API's transaction, no reads, no locks (:PLAN is set per target plan).")
w+='\\set ord random(1, 20)\n\\set k random(1, 1000000000000)\nBEGIN;\n'
w+="UPDATE plan_items SET last_reported_at = now(), latest_report_id = md5((:k)::text)::uuid, percent_complete = :pct, status = :status, updated_at = now()\nWHERE plan_id = :PLAN AND ordinal = :ord\nRETURNING id \\gset item_\n"
w+=sub(d['InsertReport'],{'p7':'md5((:k)::text)::uuid','p8':'NULL','p9':'NULL','p10':'NULL','p11':':pct','p12':'NULL','p13':'NULL','p14':':item_id','p15':'now()','p16':':agencyid','p17':':status','p18':':summary'})+';\n'
w+=sub(d['InsertAudit'],audit)+';\n'
w+=sub(d['InsertChange'],c1)+';\n'
w+=sub(d['InsertChange'],c2)+';\n'
w+=sub(d['InsertIdempotency'],idem)+';\n'
w+='COMMIT;\n'
files['post-writes.sql']=w
for n,s in files.items(): open('bench/sql/'+n,'w',encoding='utf-8').write(s)
