using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using PlanApi.Common;
using PlanApi.Data;
using PlanApi.Domain;

namespace PlanApi.Bench.Generator;

/// <summary>
/// Generates a deterministic city-scale PlanApi store and loads it with binary COPY.
/// One "unit" of scale is one province: 150 agencies, 40 groupings, 10 years × (1 city plan of 60 items + 120 agency
/// plans of 20–40 items) ≈ 1,210 plans, ≈ 36,600 items, ≈ 500,000 progress reports, and the change feed and audit
/// trail those reports would have written. --scale 63 is about a national store. Province 0 is Cần Thơ, built on the
/// API's own seed agencies, and is identical at every scale (each province draws from its own seeded generator).
/// Item status, percent, latest report, completion date, due window and search key are computed by the API's own
/// domain code (PlanItem.Schedule / Apply, SearchText.Fold), so they are exactly what the API would have stored.
/// </summary>
public static class GeneratorProgram
{
    public static async Task<int> Main(string[] args)
    {
        var options = Options.Parse(args);
        if (options is null)
        {
            Console.Error.WriteLine("usage: Generator --connection CONNSTR [--scale N] [--seed S] [--as-of 2026-11-20] [--seeds DIR] [--no-audit]");
            return 2;
        }
        var clock = Stopwatch.StartNew();
        await using var dataSource = NpgsqlDataSource.Create(options.Connection);
        await using (var check = await dataSource.OpenConnectionAsync())
        {
            await using var cmd = new NpgsqlCommand("SELECT count(*) FROM plans", check);
            if ((long)(await cmd.ExecuteScalarAsync())! != 0)
            {
                Console.Error.WriteLine("The database already holds plans: generate into an empty, migrated database.");
                return 1;
            }
        }

        var world = new World(options);
        var loader = new Loader(dataSource, options);
        var indexes = await loader.DropSecondaryIndexesAsync();
        Log(clock, $"dropped {indexes.Count} secondary indexes for the load");

        await loader.LoadAsync(world, clock);
        Log(clock, $"loaded {world.AgencyCount:N0} agencies, {world.GroupingCount:N0} groupings, {world.PlanCount:N0} plans, {world.ItemCount:N0} items, {world.ReportCount:N0} progress reports");

        await loader.DeriveLogsAsync(clock);
        await loader.CreateIndexesAsync(indexes, clock);
        await loader.FinishAsync(world, clock);
        Log(clock, "done");
        return 0;
    }

    internal static void Log(Stopwatch clock, string message) =>
        Console.Error.WriteLine($"[{clock.Elapsed.TotalSeconds,7:F1}s] {message}");
}

internal sealed record Options(string Connection, int Scale, int Seed, DateTimeOffset AsOf, string SeedDirectory, bool Audit)
{
    public static Options? Parse(string[] args)
    {
        string? connection = Environment.GetEnvironmentVariable("BENCH_DB");
        var scale = 1;
        var seed = 20231;
        var asOf = new DateOnly(2026, 11, 20);
        string? seeds = null;
        var audit = true;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--connection": connection = args[++i]; break;
                case "--scale": scale = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--seed": seed = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--as-of": asOf = DateOnly.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--seeds": seeds = args[++i]; break;
                case "--no-audit": audit = false; break;
                default: return null;
            }
        }
        seeds ??= Seeder.FindSeedDirectory(AppContext.BaseDirectory) ?? Seeder.FindSeedDirectory(Directory.GetCurrentDirectory());
        if (connection is null || seeds is null || scale < 1) return null;
        // "Now" of the generated store: 10:00 in Việt Nam on the as-of day. Reports never come after it.
        var now = new DateTimeOffset(asOf.Year, asOf.Month, asOf.Day, 10, 0, 0, TimeSpan.FromHours(7));
        return new Options(connection, scale, seed, now, seeds, audit);
    }
}

/// <summary>What a generated agency is for, beyond its row.</summary>
internal sealed record AgencyInfo(Agency Agency, string Abbr, string Role, Guid? DistrictId);

internal sealed class Province
{
    public required int Index { get; init; }
    public required string Slug { get; init; }
    public required string Name { get; init; }
    public required bool City { get; init; }
    public required AgencyInfo Government { get; init; }
    public List<AgencyInfo> Agencies { get; } = [];
    public string Place => City ? $"thành phố {Name}" : $"tỉnh {Name}";
}

internal sealed class PlanBundle
{
    public required Plan Plan { get; init; }
    public List<(PlanItem Item, List<ProgressReport> Reports)> Items { get; } = [];
}

/// <summary>Builds provinces one at a time, each from its own seeded <see cref="Random"/>.</summary>
internal sealed class World(Options options)
{
    private static readonly JsonSerializerOptions SeedJson = CreateSeedJson();
    private readonly HashSet<string> _codes = [];
    private readonly Dictionary<string, Agency> _byCode = [];

    public int AgencyCount => _codes.Count;
    public int GroupingCount { get; set; }
    public int PlanCount { get; set; }
    public int ItemCount { get; set; }
    public long ReportCount { get; set; }
    public Options Options => options;

    private static JsonSerializerOptions CreateSeedJson()
    {
        var o = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        ApiDefaults.ConfigureJson(o);
        return o;
    }

    /// <summary>A version-7 UUID stamped with <paramref name="at"/>, its random bits from <paramref name="rng"/>.</summary>
    public static Guid NewId(Random rng, DateTimeOffset at)
    {
        Span<byte> b = stackalloc byte[16];
        rng.NextBytes(b);
        var ms = at.ToUnixTimeMilliseconds();
        for (var i = 0; i < 6; i++) b[i] = (byte)(ms >> (40 - 8 * i));
        b[6] = (byte)(0x70 | (b[6] & 0x0F));
        b[8] = (byte)(0x80 | (b[8] & 0x3F));
        return new Guid(b, bigEndian: true);
    }

    public static string Slug(string text) => SearchText.Fold(text).Replace(' ', '-');

    private static readonly (string Name, bool City)[] ProvinceOrder =
        Names.Provinces.Take(1)
            .Concat(Names.Provinces.Skip(5))
            .Concat(Names.Provinces.Skip(1).Take(4))
            .ToArray();

    public Province BuildProvince(int index, Random rng)
    {
        var (baseName, city) = ProvinceOrder[index % ProvinceOrder.Length];
        var round = index / ProvinceOrder.Length;
        var name = round == 0 ? baseName : $"{baseName} {round + 1}";
        var slug = baseName == "Hồ Chí Minh" ? "tp-ho-chi-minh" : Slug(name);
        var created = options.AsOf.AddYears(-10).AddMonths(-1);
        AgencyInfo? government = null;
        var list = new List<AgencyInfo>();

        if (index == 0)
        {
            // Cần Thơ: exactly the API's seed agencies, so that start-up seeding adds none of them again.
            var seeds = JsonSerializer.Deserialize<List<SeedAgency>>(File.ReadAllText(Path.Combine(options.SeedDirectory, "agencies.json")), SeedJson)!;
            foreach (var s in seeds)
            {
                var agency = NewAgency(rng, created, s.Code, s.Name, s.ShortName, s.Aliases ?? [], s.Kind,
                    s.ParentCode is null ? null : _byCode[s.ParentCode].Id);
                var role = s.Kind switch
                {
                    AgencyKind.Government when s.Code == "ubnd-can-tho" => "government",
                    AgencyKind.District => "district",
                    AgencyKind.External or AgencyKind.CentralBody => "outside",
                    _ => "department",
                };
                var info = new AgencyInfo(agency, Abbreviation(s.ShortName ?? s.Name), role, null);
                if (role == "government") government = info;
                list.Add(info);
            }
        }
        else
        {
            var code = $"ubnd-{slug}";
            if (_byCode.TryGetValue(code, out var existing))
            {
                // A seed agency of another city (ubnd-ha-noi …): it governs its own province here.
                government = new AgencyInfo(existing, "UBND", "government", null);
            }
            else
            {
                var agency = NewAgency(rng, created, code, $"Ủy ban nhân dân {(city ? "thành phố" : "tỉnh")} {name}",
                    city ? "UBND thành phố" : "UBND tỉnh", [city ? $"UBND thành phố {name}" : $"UBND tỉnh {name}"], AgencyKind.Government, null);
                government = new AgencyInfo(agency, "UBND", "government", null);
                list.Add(government);
            }
        }

        var level = city ? "thành phố" : "tỉnh";
        foreach (var d in Names.Departments)
        {
            var prefix = city ? d.Code.Replace("tinh-uy", "thanh-uy").Replace("ban-tuyen-giao", "ban-tuyen-giao-thanh-uy") : d.Code;
            var code = $"{prefix}-{slug}";
            if (_codes.Contains(code)) continue;
            var baseNameText = city ? d.Name.Replace("Tỉnh ủy", "Thành ủy").Replace(" tỉnh", " thành phố") : d.Name;
            var full = baseNameText.EndsWith(" ủy", StringComparison.Ordinal) || baseNameText.EndsWith("Báo", StringComparison.Ordinal)
                ? $"{baseNameText} {name}"
                : baseNameText.EndsWith($" {level}", StringComparison.Ordinal) ? $"{baseNameText} {name}" : $"{baseNameText} {level} {name}";
            var shortName = d.Short.EndsWith("tỉnh", StringComparison.Ordinal) || d.Short.EndsWith("ủy", StringComparison.Ordinal) || d.Short == "Báo"
                ? (city ? d.Short.Replace("tỉnh", "thành phố").Replace("Tỉnh", "Thành") : d.Short) + (d.Short == "Báo" ? $" {name}" : "")
                : $"{d.Short} {level}";
            var kind = EnumNames<AgencyKind>.Parse(d.Kind);
            var agency = NewAgency(rng, created, code, full, shortName, [], kind, null);
            list.Add(new AgencyInfo(agency, d.Abbr, "department", null));
        }

        var districts = list.Where(a => a.Role == "district").ToList();
        for (var k = 0; districts.Count < 9; k++)
        {
            var dn = Names.Districts[(index * 7 + k) % Names.Districts.Length];
            var code = $"{Slug(dn)}-{slug}";
            if (_codes.Contains(code)) continue;
            var agency = NewAgency(rng, created, code, $"Ủy ban nhân dân huyện {dn}", $"Huyện {dn}", [$"UBND huyện {dn}"], AgencyKind.District, null);
            var info = new AgencyInfo(agency, "UBND", "district", null);
            districts.Add(info);
            list.Add(info);
        }

        // Wards and communes (phường, xã) under the districts, until the province has 150 agencies.
        var governmentCounted = list.Contains(government!);
        for (var k = 0; list.Count + (governmentCounted ? 0 : 1) < 150; k++)
        {
            var district = districts[k % districts.Count];
            var wn = Names.Wards[(index * 11 + k) % Names.Wards.Length];
            var ward = k % 3 == 0 ? "xã" : "phường";
            var code = $"ubnd-{(ward == "xã" ? "xa" : "phuong")}-{Slug(wn)}-{district.Agency.Code}";
            if (_codes.Contains(code)) continue;
            var agency = NewAgency(rng, created, code, $"Ủy ban nhân dân {ward} {wn}, {district.Agency.ShortName}",
                $"UBND {ward} {wn}", [], AgencyKind.Government, district.Agency.Id);
            list.Add(new AgencyInfo(agency, "UBND", "ward", district.Agency.Id));
        }

        var province = new Province { Index = index, Slug = slug, Name = name, City = city, Government = government! };
        province.Agencies.AddRange(list);
        return province;
    }

    private Agency NewAgency(Random rng, DateTimeOffset created, string code, string name, string? shortName, List<string> aliases,
        AgencyKind kind, Guid? parentId)
    {
        var agency = new Agency
        {
            Id = NewId(rng, created), Code = code, Name = name, ShortName = shortName, Aliases = aliases, Kind = kind, ParentId = parentId,
            CreatedAt = created, UpdatedAt = created,
        };
        agency.RefreshSearchKey();
        _codes.Add(code);
        _byCode[code] = agency;
        return agency;
    }

    private static string Abbreviation(string text)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return string.Concat(words.Where(w => char.IsUpper(w[0])).Select(w => w[0])).ToUpperInvariant() is { Length: > 0 } a ? a : "UB";
    }

    public IEnumerable<(Grouping Grouping, List<GroupingMember> Members)> BuildGroupings(Province p, Random rng)
    {
        var years = Enumerable.Range(options.AsOf.Year - 9, 10);
        var districts = p.Agencies.Where(a => a.Role == "district").Select(a => a.Agency).ToList();
        var departments = p.Agencies.Where(a => a.Role == "department").Select(a => a.Agency).ToList();
        var economic = departments.Where(a => a.Kind == AgencyKind.Department).Take(14).ToList();
        var social = departments.Where(a => a.Kind is AgencyKind.Department or AgencyKind.Press).Skip(14).ToList();
        var party = departments.Where(a => a.Kind is AgencyKind.PartyBody or AgencyKind.MassOrganisation or AgencyKind.Council).ToList();
        var kinds = new (string Code, GroupingKind Kind, string Name, List<Agency> Members)[]
        {
            ("cum-quan-huyen", GroupingKind.Cum, "Cụm thi đua các quận, huyện", districts),
            ("khoi-kinh-te", GroupingKind.Khoi, "Khối thi đua các sở, ngành kinh tế", economic),
            ("khoi-van-hoa-xa-hoi", GroupingKind.Khoi, "Khối thi đua các sở, ngành văn hóa - xã hội", social),
            ("khoi-dang-doan-the", GroupingKind.Khoi, "Khối thi đua Đảng, đoàn thể", party),
        };
        foreach (var year in years)
        {
            foreach (var k in kinds)
            {
                if (k.Members.Count < 2) continue;
                var created = new DateTimeOffset(year, 1, 5 + rng.Next(20), 9, 0, 0, TimeSpan.FromHours(7));
                var head = k.Members[(year + p.Index) % k.Members.Count];
                var deputy = k.Members[(year + p.Index + 1) % k.Members.Count];
                var g = new Grouping
                {
                    Id = NewId(rng, created), Code = $"{k.Code}-{p.Slug}-{year}", Kind = k.Kind, Year = year,
                    Name = $"{k.Name} {p.Place}", Description = $"{k.Name} {p.Place} năm {year}; Trưởng khối: {head.ShortName}.",
                    HeadAgencyId = head.Id, DeputyAgencyId = deputy.Id, CreatedAt = created, UpdatedAt = created,
                };
                var members = k.Members.Select((m, i) => new GroupingMember { GroupingId = g.Id, AgencyId = m.Id, Position = i }).ToList();
                GroupingCount++;
                yield return (g, members);
            }
        }
    }

    public IEnumerable<PlanBundle> BuildPlans(Province p, Random rng)
    {
        var eligible = p.Agencies.Where(a => a.Role is "department" or "district" or "ward").ToList();
        var issuers = eligible.OrderBy(_ => rng.Next()).Take(120).ToList();
        var tdkt = p.Agencies.First(a => a.Agency.Code.StartsWith("ban-tdkt-", StringComparison.Ordinal)).Agency;
        var lastYear = options.AsOf.Year;
        for (var year = lastYear - 9; year <= lastYear; year++)
        {
            yield return BuildPlan(p, rng, p.Government, year, 60, isCity: true, eligible, tdkt);
            foreach (var issuer in issuers)
                yield return BuildPlan(p, rng, issuer, year, 20 + rng.Next(21), isCity: false, eligible, tdkt);
        }
    }

    private PlanBundle BuildPlan(Province p, Random rng, AgencyInfo issuer, int year, int itemCount, bool isCity,
        List<AgencyInfo> eligible, Agency tdkt)
    {
        var issuedOn = new DateOnly(year - 1, 12, 1 + rng.Next(28));
        var created = new DateTimeOffset(issuedOn.Year, issuedOn.Month, issuedOn.Day, 8 + rng.Next(9), rng.Next(60), rng.Next(60), TimeSpan.FromHours(7));
        var topic = Names.PlanTopics[isCity ? (year % 2 == 0 ? 0 : 6) : rng.Next(Names.PlanTopics.Length)].Replace("{Y}", year.ToString(CultureInfo.InvariantCulture));
        var number = isCity
            ? $"{(year == 2023 ? 245 : 200 + rng.Next(150))}/KH-UBND"
            : $"{1 + rng.Next(300)}/KH-{issuer.Abbr}";
        var draft = year == options.AsOf.Year && !isCity && rng.NextDouble() < 0.04;
        var plan = new Plan
        {
            Id = NewId(rng, created), IssuerId = issuer.Agency.Id, Number = number, DocumentType = "KH", Place = p.Name,
            IssuedOn = issuedOn, Year = year, Title = topic,
            Preamble = $"{issuer.Agency.Name} ban hành Kế hoạch {char.ToLowerInvariant(topic[0])}{topic[1..]} với những nội dung chủ yếu sau:",
            LegalBases =
            [
                new LegalBasis($"{10 + rng.Next(80)}/NQ-HĐND", "NQ", issuedOn.AddDays(-10 - rng.Next(20)), $"Hội đồng nhân dân {p.Place}", null,
                    $"về nhiệm vụ phát triển kinh tế - xã hội năm {year}"),
                new LegalBasis($"{1 + rng.Next(30)}/CT-UBND", "CT", issuedOn.AddDays(-5 - rng.Next(5)), $"Ủy ban nhân dân {p.Place}", null,
                    $"về việc phát động phong trào thi đua yêu nước năm {year}"),
            ],
            Purposes =
            [
                new LabeledText("a", "Đẩy mạnh các phong trào thi đua yêu nước, góp phần thực hiện thắng lợi các mục tiêu, chỉ tiêu phát triển kinh tế - xã hội."),
                new LabeledText("b", "Nâng cao chất lượng công tác khen thưởng; bảo đảm chính xác, kịp thời, công khai, minh bạch."),
            ],
            Requirements = [new LabeledText(null, "Các cơ quan, đơn vị, địa phương chủ động xây dựng kế hoạch triển khai, bảo đảm thiết thực, hiệu quả.")],
            Duties = [],
            Recipients = [$"Ủy ban nhân dân {p.Place}", "Các sở, ban, ngành", "Lưu: VT"],
            Signature = new Signature("TM.", issuer.Agency.Name.ToUpperInvariant(), "CHỦ TỊCH", "Nguyễn Văn " + (char)('A' + rng.Next(20))),
            Lifecycle = draft ? PlanLifecycle.Draft : PlanLifecycle.Published,
            CreatedAt = created, UpdatedAt = created,
        };
        plan.Refresh();
        var bundle = new PlanBundle { Plan = plan };
        DateTimeOffset? lastReport = null;
        for (var ordinal = 1; ordinal <= itemCount; ordinal++)
        {
            var quarter = 1 + (ordinal - 1) * 4 / itemCount;
            var (item, reports) = BuildItem(p, rng, plan, issuer, ordinal, quarter, isCity, eligible, tdkt, draft);
            bundle.Items.Add((item, reports));
            if (reports.Count > 0 && (lastReport is null || reports[^1].ReportedAt > lastReport)) lastReport = reports[^1].ReportedAt;
        }
        // Plans of past years were closed after their last report; this year's stay published.
        if (year < options.AsOf.Year && rng.NextDouble() < 0.85)
        {
            var closedAt = (lastReport ?? created).AddDays(1 + rng.Next(20)).AddMinutes(rng.Next(600));
            if (closedAt < options.AsOf)
            {
                plan.Lifecycle = PlanLifecycle.Closed;
                plan.UpdatedAt = closedAt;
            }
        }
        PlanCount++;
        ItemCount += itemCount;
        return bundle;
    }

    private (PlanItem, List<ProgressReport>) BuildItem(Province p, Random rng, Plan plan, AgencyInfo issuer, int ordinal, int quarter,
        bool isCity, List<AgencyInfo> eligible, Agency tdkt, bool draft)
    {
        var year = plan.Year;
        var template = Names.Activities[rng.Next(Names.Activities.Length)];
        var content = template.Replace("{Y}", year.ToString(CultureInfo.InvariantCulture))
            .Replace("{P5}", (year - 5).ToString(CultureInfo.InvariantCulture))
            .Replace("{P}", (year - 1).ToString(CultureInfo.InvariantCulture))
            .Replace("{N}", (1 + rng.Next(3)).ToString(CultureInfo.InvariantCulture))
            .Replace("{Q}", new[] { "I", "II", "III", "IV" }[quarter - 1]);

        Agency lead;
        if (isCity) lead = rng.NextDouble() < 0.1 ? tdkt : eligible[rng.Next(eligible.Count)].Agency;
        else if (rng.NextDouble() < 0.6) lead = issuer.Agency;
        else
        {
            var wards = issuer.Role == "district" ? p.Agencies.Where(a => a.DistrictId == issuer.Agency.Id).ToList() : [];
            lead = wards.Count > 0 && rng.NextDouble() < 0.5 ? wards[rng.Next(wards.Count)].Agency : eligible[rng.Next(eligible.Count)].Agency;
        }
        var coordinators = new List<Agency>();
        var n = rng.Next(4);
        for (var k = 0; k < n; k++)
        {
            var c = eligible[rng.Next(eligible.Count)].Agency;
            if (c.Id != lead.Id && !coordinators.Contains(c)) coordinators.Add(c);
        }
        if (!isCity && lead.Id != tdkt.Id && !coordinators.Contains(tdkt) && rng.NextDouble() < 0.07) coordinators.Insert(0, tdkt);
        var andRelated = rng.NextDouble() < 0.3;
        var units = coordinators.Count == 0
            ? $"{lead.ShortName} chủ trì" + (andRelated ? ", phối hợp với các cơ quan liên quan" : "")
            : $"{lead.ShortName} chủ trì, phối hợp với {string.Join(", ", coordinators.Select(c => c.ShortName))}" + (andRelated ? " và các cơ quan liên quan" : "");

        var item = new PlanItem
        {
            Id = NewId(rng, plan.CreatedAt), PlanId = plan.Id, Ordinal = ordinal, Content = content, LeadAgencyId = lead.Id,
            LeadRole = rng.NextDouble() < 0.05 ? Names.LeadRoles[rng.Next(Names.LeadRoles.Length)] : null,
            AndRelatedAgencies = andRelated, ExecutingUnitsText = units,
            Coordinators = coordinators.Select((c, i) => new PlanItemCoordinator { AgencyId = c.Id, Position = i }).ToList(),
            CreatedAt = plan.CreatedAt, UpdatedAt = plan.CreatedAt,
        };
        DuePeriod? due = null;
        string? dueText = null;
        var roll = rng.NextDouble();
        if (roll < 0.55)
        {
            var month = 3 * quarter - 2 + rng.Next(3);
            var part = rng.NextDouble() switch { < 0.4 => MonthPart.Whole, < 0.6 => MonthPart.Early, < 0.8 => MonthPart.Mid, _ => MonthPart.Late };
            due = new DuePeriod(year, month, part);
            var mm = month.ToString("00", CultureInfo.InvariantCulture);
            dueText = part switch
            {
                MonthPart.Early => $"đầu tháng {mm}/{year}",
                MonthPart.Mid => $"giữa tháng {mm}/{year}",
                MonthPart.Late => $"cuối tháng {mm}/{year}",
                _ => $"tháng {mm}/{year}",
            };
        }
        else if (roll < 0.65)
        {
            dueText = rng.NextDouble() < 0.5 ? "thường xuyên" : "hằng quý";
        }
        item.Schedule(year, quarter, due is null ? null : ItemDue.InMonth(due), dueText);
        item.RefreshSearchKey();

        var reports = draft ? [] : BuildReports(rng, item, plan, lead, coordinators);
        foreach (var r in reports) item.Apply(r);
        if (item.LastReportedAt is { } reported) item.UpdatedAt = reported;
        ReportCount += reports.Count;
        return (item, reports);
    }

    private List<ProgressReport> BuildReports(Random rng, PlanItem item, Plan plan, Agency lead, List<Agency> coordinators)
    {
        var asOf = options.AsOf;
        var vn = TimeSpan.FromHours(7);
        var dueEnd = new DateTimeOffset(item.DueEnd.Year, item.DueEnd.Month, item.DueEnd.Day, 17, 0, 0, vn);
        var start = plan.CreatedAt.AddDays(1 + rng.Next(30));
        ItemStatus outcome;
        int count;
        DateTimeOffset end;
        if (dueEnd < asOf)
        {
            var r = rng.NextDouble();
            outcome = r switch { < 0.85 => ItemStatus.Completed, < 0.88 => ItemStatus.Cancelled, < 0.92 => ItemStatus.Postponed, _ => ItemStatus.InProgress };
            count = 6 + rng.Next(18);
            end = outcome == ItemStatus.Completed
                ? dueEnd.AddDays(rng.NextDouble() < 0.8 ? -rng.Next(41) : 1 + rng.Next(45))
                : dueEnd.AddDays(rng.Next(61));
        }
        else
        {
            var span = (dueEnd - plan.CreatedAt).TotalDays;
            var elapsed = Math.Clamp((asOf - plan.CreatedAt).TotalDays / span, 0, 1);
            count = (int)Math.Round(elapsed * (4 + rng.Next(13)));
            outcome = rng.NextDouble() < 0.15 ? ItemStatus.Completed : ItemStatus.InProgress;
            end = asOf.AddDays(-rng.Next(10));
        }
        if (end > asOf.AddMinutes(-30)) end = asOf.AddMinutes(-30 - rng.Next(600));
        if (count == 0) return [];
        // Reports come after the plan (and its items) were created, one after another.
        var earliest = plan.CreatedAt.AddHours(1);
        if (end < earliest.AddDays(count)) end = earliest.AddDays(count).AddMinutes(rng.Next(600));
        if (start < earliest || start >= end) start = earliest;

        var times = new List<DateTimeOffset>(count);
        var window = (end - start).TotalSeconds;
        for (var k = 0; k < count - 1; k++) times.Add(start.AddSeconds(rng.NextDouble() * window));
        times.Sort();
        times.Add(end);
        var percents = Enumerable.Range(0, count - 1).Select(_ => 5 + rng.Next(91)).Order().ToList();

        var reports = new List<ProgressReport>(count);
        var percent = 0;
        for (var k = 0; k < count; k++)
        {
            var last = k == count - 1;
            ItemStatus status;
            if (!last) status = k == 0 && rng.NextDouble() < 0.05 ? ItemStatus.NotStarted : ItemStatus.InProgress;
            else status = outcome;
            percent = status switch
            {
                ItemStatus.Completed => 100,
                ItemStatus.NotStarted => 0,
                ItemStatus.InProgress => last ? Math.Max(percent, 5 + rng.Next(60)) : percents[k],
                _ => percent,
            };
            if (status == ItemStatus.InProgress && percent >= 100) percent = 99;
            var agency = coordinators.Count > 0 && rng.NextDouble() < 0.25 ? coordinators[rng.Next(coordinators.Count)] : lead;
            var at = times[k].AddMilliseconds(rng.Next(1000));
            if (reports.Count > 0 && at <= reports[^1].ReportedAt) at = reports[^1].ReportedAt.AddSeconds(1 + rng.Next(60));
            var hasEvidence = rng.NextDouble() < 0.35;
            var docDate = DateOnly.FromDateTime(at.ToOffset(vn).DateTime).AddDays(-rng.Next(5));
            var period = rng.NextDouble() < 0.5;
            var periodStart = new DateOnly(docDate.Year, docDate.Month, 1);
            reports.Add(new ProgressReport
            {
                Id = NewId(rng, at), PlanItemId = item.Id, ReportingAgencyId = agency.Id, Status = status, PercentComplete = percent,
                Summary = Names.ReportSummaries[status switch
                {
                    ItemStatus.Completed => 7,
                    ItemStatus.Postponed => 9,
                    ItemStatus.NotStarted => 6,
                    ItemStatus.Cancelled => 9,
                    _ => rng.Next(6),
                }] + (status == ItemStatus.InProgress ? $" Đạt khoảng {percent}% khối lượng công việc." : ""),
                EvidenceDocumentNumber = hasEvidence ? $"{1 + rng.Next(400)}/BC-{(agency.ShortName ?? "UB").Split(' ')[0].ToUpperInvariant()}" : null,
                EvidenceDocumentDate = hasEvidence ? docDate : null,
                EvidenceUrl = hasEvidence && rng.NextDouble() < 0.5 ? $"https://vanban.example.gov.vn/{agency.Code}/{at.Year}/{rng.Next(100000)}" : null,
                PeriodFrom = period ? periodStart : null,
                PeriodTo = period ? periodStart.AddMonths(1).AddDays(-1) : null,
                ReportedAt = at,
            });
        }
        return reports;
    }
}

/// <summary>Binary COPY into the API's tables, and the SQL that derives the change feed and audit trail.</summary>
internal sealed class Loader(NpgsqlDataSource dataSource, Options options)
{
    private static readonly string[] HeavyTables = ["plan_items", "plan_item_coordinators", "progress_reports", "change_records", "audit_entries"];
    private static readonly JsonSerializerOptions PlanJson = new(JsonSerializerDefaults.Web);

    private async Task<NpgsqlConnection> OpenAsync()
    {
        var c = await dataSource.OpenConnectionAsync();
        // Rows are consistent by construction: skip per-row foreign-key triggers during the load.
        await using var cmd = new NpgsqlCommand("SET session_replication_role = replica; SET maintenance_work_mem = '512MB'; SET work_mem = '256MB'", c);
        await cmd.ExecuteNonQueryAsync();
        return c;
    }

    private async Task ExecAsync(NpgsqlConnection c, string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, c) { CommandTimeout = 0 };
        await cmd.ExecuteNonQueryAsync();
    }

    /// <summary>Secondary (non-constraint) indexes of the big tables, dropped for the load and rebuilt after it from their exact definitions.</summary>
    public async Task<List<string>> DropSecondaryIndexesAsync()
    {
        await using var c = await OpenAsync();
        var defs = new List<(string Name, string Def)>();
        await using (var cmd = new NpgsqlCommand(
            """
            SELECT i.indexname, i.indexdef FROM pg_indexes i
            WHERE i.schemaname = 'public' AND i.tablename = ANY(@t)
              AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conname = i.indexname)
            ORDER BY i.indexname
            """, c))
        {
            cmd.Parameters.AddWithValue("t", HeavyTables);
            await using var r = await cmd.ExecuteReaderAsync();
            while (await r.ReadAsync()) defs.Add((r.GetString(0), r.GetString(1)));
        }
        foreach (var (name, _) in defs) await ExecAsync(c, $"DROP INDEX {name}");
        return defs.Select(d => d.Def).ToList();
    }

    public async Task LoadAsync(World world, Stopwatch clock)
    {
        await using var cA = await OpenAsync();
        await using var cP = await OpenAsync();
        await using var cI = await OpenAsync();
        await using var cC = await OpenAsync();
        await using var cR = await OpenAsync();
        await using var cG = await OpenAsync();
        await using var cM = await OpenAsync();
        await using var agencies = await cA.BeginBinaryImportAsync(
            "COPY agencies (id, code, name, short_name, aliases, kind, parent_id, search_key, created_at, updated_at, verified) FROM STDIN (FORMAT BINARY)");
        await using var groupings = await cG.BeginBinaryImportAsync(
            "COPY groupings (id, code, kind, name, year, description, head_agency_id, deputy_agency_id, created_at, updated_at) FROM STDIN (FORMAT BINARY)");
        await using var members = await cM.BeginBinaryImportAsync("COPY grouping_members (grouping_id, agency_id, position) FROM STDIN (FORMAT BINARY)");
        await using var plans = await cP.BeginBinaryImportAsync(
            "COPY plans (id, issuer_id, number, document_type, place, issued_on, issued_year, year, title, preamble, legal_bases, purposes, requirements, duties, recipients, signature, lifecycle, search_key, created_at, updated_at) FROM STDIN (FORMAT BINARY)");
        await using var items = await cI.BeginBinaryImportAsync(
            "COPY plan_items (id, plan_id, ordinal, quarter, content, lead_agency_id, lead_role, and_related_agencies, executing_units_text, due_kind, due_year, due_month, due_part, due_text, due_start, due_end, overdue_days, status, percent_complete, latest_report_id, last_reported_at, completed_on, search_key, created_at, updated_at) FROM STDIN (FORMAT BINARY)");
        await using var coordinators = await cC.BeginBinaryImportAsync("COPY plan_item_coordinators (plan_item_id, agency_id, position) FROM STDIN (FORMAT BINARY)");
        await using var reports = await cR.BeginBinaryImportAsync(
            "COPY progress_reports (id, plan_item_id, reporting_agency_id, status, percent_complete, summary, evidence_document_number, evidence_document_date, evidence_url, period_from, period_to, reported_at) FROM STDIN (FORMAT BINARY)");

        for (var p = 0; p < options.Scale; p++)
        {
            var rng = new Random(options.Seed * 1009 + p);
            var province = world.BuildProvince(p, rng);
            foreach (var info in province.Agencies) WriteAgency(agencies, info.Agency);
            foreach (var (g, ms) in world.BuildGroupings(province, rng))
            {
                await groupings.StartRowAsync();
                await groupings.WriteAsync(g.Id, NpgsqlDbType.Uuid);
                await groupings.WriteAsync(g.Code, NpgsqlDbType.Varchar);
                await groupings.WriteAsync(EnumNames<GroupingKind>.ToName(g.Kind), NpgsqlDbType.Varchar);
                await groupings.WriteAsync(g.Name, NpgsqlDbType.Varchar);
                await groupings.WriteAsync(g.Year, NpgsqlDbType.Integer);
                await WriteNullable(groupings, g.Description, NpgsqlDbType.Varchar);
                await WriteNullable(groupings, g.HeadAgencyId, NpgsqlDbType.Uuid);
                await WriteNullable(groupings, g.DeputyAgencyId, NpgsqlDbType.Uuid);
                await groupings.WriteAsync(g.CreatedAt.ToUniversalTime(), NpgsqlDbType.TimestampTz);
                await groupings.WriteAsync(g.UpdatedAt.ToUniversalTime(), NpgsqlDbType.TimestampTz);
                foreach (var m in ms)
                {
                    await members.StartRowAsync();
                    await members.WriteAsync(m.GroupingId, NpgsqlDbType.Uuid);
                    await members.WriteAsync(m.AgencyId, NpgsqlDbType.Uuid);
                    await members.WriteAsync(m.Position, NpgsqlDbType.Integer);
                }
            }
            foreach (var bundle in world.BuildPlans(province, rng))
            {
                await WritePlan(plans, bundle.Plan);
                foreach (var (item, itemReports) in bundle.Items)
                {
                    await WriteItem(items, item);
                    foreach (var c in item.Coordinators)
                    {
                        await coordinators.StartRowAsync();
                        await coordinators.WriteAsync(item.Id, NpgsqlDbType.Uuid);
                        await coordinators.WriteAsync(c.AgencyId, NpgsqlDbType.Uuid);
                        await coordinators.WriteAsync(c.Position, NpgsqlDbType.Integer);
                    }
                    foreach (var r in itemReports) await WriteReport(reports, r);
                }
            }
            GeneratorProgram.Log(clock, $"province {p + 1}/{options.Scale} ({province.Name}): {world.PlanCount:N0} plans, {world.ReportCount:N0} reports so far");
        }
        await agencies.CompleteAsync();
        await groupings.CompleteAsync();
        await members.CompleteAsync();
        await plans.CompleteAsync();
        await items.CompleteAsync();
        await coordinators.CompleteAsync();
        await reports.CompleteAsync();
    }

    private static void WriteAgency(NpgsqlBinaryImporter w, Agency a)
    {
        w.StartRow();
        w.Write(a.Id, NpgsqlDbType.Uuid);
        w.Write(a.Code, NpgsqlDbType.Varchar);
        w.Write(a.Name, NpgsqlDbType.Varchar);
        if (a.ShortName is null) w.WriteNull(); else w.Write(a.ShortName, NpgsqlDbType.Varchar);
        w.Write(a.Aliases.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text);
        w.Write(EnumNames<AgencyKind>.ToName(a.Kind), NpgsqlDbType.Varchar);
        if (a.ParentId is { } parent) w.Write(parent, NpgsqlDbType.Uuid); else w.WriteNull();
        w.Write(a.SearchKey, NpgsqlDbType.Text);
        w.Write(a.CreatedAt.ToUniversalTime(), NpgsqlDbType.TimestampTz);
        w.Write(a.UpdatedAt.ToUniversalTime(), NpgsqlDbType.TimestampTz);
        w.Write(a.Verified, NpgsqlDbType.Boolean);
    }

    private static async Task WritePlan(NpgsqlBinaryImporter w, Plan p)
    {
        await w.StartRowAsync();
        await w.WriteAsync(p.Id, NpgsqlDbType.Uuid);
        await w.WriteAsync(p.IssuerId, NpgsqlDbType.Uuid);
        await w.WriteAsync(p.Number, NpgsqlDbType.Varchar);
        await w.WriteAsync(p.DocumentType, NpgsqlDbType.Varchar);
        await WriteNullable(w, p.Place, NpgsqlDbType.Varchar);
        await w.WriteAsync(p.IssuedOn, NpgsqlDbType.Date);
        await w.WriteAsync(p.IssuedYear, NpgsqlDbType.Integer);
        await w.WriteAsync(p.Year, NpgsqlDbType.Integer);
        await w.WriteAsync(p.Title, NpgsqlDbType.Varchar);
        await WriteNullable(w, p.Preamble, NpgsqlDbType.Varchar);
        await w.WriteAsync(JsonSerializer.Serialize(p.LegalBases, PlanJson), NpgsqlDbType.Jsonb);
        await w.WriteAsync(JsonSerializer.Serialize(p.Purposes, PlanJson), NpgsqlDbType.Jsonb);
        await w.WriteAsync(JsonSerializer.Serialize(p.Requirements, PlanJson), NpgsqlDbType.Jsonb);
        await w.WriteAsync(JsonSerializer.Serialize(p.Duties, PlanJson), NpgsqlDbType.Jsonb);
        await w.WriteAsync(p.Recipients.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text);
        await WriteNullable(w, p.Signature is null ? null : JsonSerializer.Serialize(p.Signature, PlanJson), NpgsqlDbType.Jsonb);
        await w.WriteAsync(EnumNames<PlanLifecycle>.ToName(p.Lifecycle), NpgsqlDbType.Varchar);
        await w.WriteAsync(p.SearchKey, NpgsqlDbType.Text);
        await w.WriteAsync(p.CreatedAt.ToUniversalTime(), NpgsqlDbType.TimestampTz);
        await w.WriteAsync(p.UpdatedAt.ToUniversalTime(), NpgsqlDbType.TimestampTz);
    }

    private static async Task WriteItem(NpgsqlBinaryImporter w, PlanItem i)
    {
        await w.StartRowAsync();
        await w.WriteAsync(i.Id, NpgsqlDbType.Uuid);
        await w.WriteAsync(i.PlanId, NpgsqlDbType.Uuid);
        await w.WriteAsync(i.Ordinal, NpgsqlDbType.Integer);
        await w.WriteAsync(i.Quarter, NpgsqlDbType.Integer);
        await w.WriteAsync(i.Content, NpgsqlDbType.Varchar);
        await w.WriteAsync(i.LeadAgencyId, NpgsqlDbType.Uuid);
        await WriteNullable(w, i.LeadRole, NpgsqlDbType.Varchar);
        await w.WriteAsync(i.AndRelatedAgencies, NpgsqlDbType.Boolean);
        await WriteNullable(w, i.ExecutingUnitsText, NpgsqlDbType.Varchar);
        await WriteNullable(w, i.DueKind is { } kind ? EnumNames<DueKind>.ToName(kind) : null, NpgsqlDbType.Varchar);
        await WriteNullable(w, i.DueYear, NpgsqlDbType.Integer);
        await WriteNullable(w, i.DueMonth, NpgsqlDbType.Integer);
        await WriteNullable(w, i.DuePart is { } part ? EnumNames<MonthPart>.ToName(part) : null, NpgsqlDbType.Varchar);
        await WriteNullable(w, i.DueText, NpgsqlDbType.Varchar);
        await w.WriteAsync(i.DueStart, NpgsqlDbType.Date);
        await w.WriteAsync(i.DueEnd, NpgsqlDbType.Date);
        await w.WriteAsync(i.OverdueDays, NpgsqlDbType.DateMultirange);
        await w.WriteAsync(EnumNames<ItemStatus>.ToName(i.Status), NpgsqlDbType.Varchar);
        await w.WriteAsync(i.PercentComplete, NpgsqlDbType.Integer);
        await WriteNullable(w, i.LatestReportId, NpgsqlDbType.Uuid);
        await WriteNullable(w, i.LastReportedAt?.ToUniversalTime(), NpgsqlDbType.TimestampTz);
        await WriteNullable(w, i.CompletedOn, NpgsqlDbType.Date);
        await w.WriteAsync(i.SearchKey, NpgsqlDbType.Text);
        await w.WriteAsync(i.CreatedAt.ToUniversalTime(), NpgsqlDbType.TimestampTz);
        await w.WriteAsync(i.UpdatedAt.ToUniversalTime(), NpgsqlDbType.TimestampTz);
    }

    private static async Task WriteReport(NpgsqlBinaryImporter w, ProgressReport r)
    {
        await w.StartRowAsync();
        await w.WriteAsync(r.Id, NpgsqlDbType.Uuid);
        await w.WriteAsync(r.PlanItemId, NpgsqlDbType.Uuid);
        await w.WriteAsync(r.ReportingAgencyId, NpgsqlDbType.Uuid);
        await w.WriteAsync(EnumNames<ItemStatus>.ToName(r.Status), NpgsqlDbType.Varchar);
        await w.WriteAsync(r.PercentComplete, NpgsqlDbType.Integer);
        await w.WriteAsync(r.Summary, NpgsqlDbType.Varchar);
        await WriteNullable(w, r.EvidenceDocumentNumber, NpgsqlDbType.Varchar);
        await WriteNullable(w, r.EvidenceDocumentDate, NpgsqlDbType.Date);
        await WriteNullable(w, r.EvidenceUrl, NpgsqlDbType.Varchar);
        await WriteNullable(w, r.PeriodFrom, NpgsqlDbType.Date);
        await WriteNullable(w, r.PeriodTo, NpgsqlDbType.Date);
        await w.WriteAsync(r.ReportedAt.ToUniversalTime(), NpgsqlDbType.TimestampTz);
    }

    private static Task WriteNullable<T>(NpgsqlBinaryImporter w, T? value, NpgsqlDbType type) where T : class =>
        value is null ? w.WriteNullAsync() : w.WriteAsync(value, type);

    private static Task WriteNullable<T>(NpgsqlBinaryImporter w, T? value, NpgsqlDbType type) where T : struct =>
        value is { } v ? w.WriteAsync(v, type) : w.WriteNullAsync();

    /// <summary>
    /// The change feed and the audit trail as the API's writes would have left them, derived in SQL from the loaded
    /// rows: in commit (time) order, agencies, groupings and plans created, each item created (with its plan's update),
    /// plans closed, and for every report a progress_report create and a plan_item update. Versions are ETag-shaped
    /// (base64url of 18 bytes of SHA-256) but not the API's hash of the JSON it showed then; the audit trail holds the
    /// reports (the writes reporters make), with the ProgressReportDto JSON as "after".
    /// </summary>
    public async Task DeriveLogsAsync(Stopwatch clock)
    {
        await using var c = await OpenAsync();
        // The load skips triggers: the agencies' to-do list index is filled as its migration fills it.
        await ExecAsync(c, "INSERT INTO plan_item_agencies (agency_id, plan_item_id, leads, plan_is_draft, due_end, plan_id, ordinal) SELECT a.* FROM plan_items i CROSS JOIN LATERAL plan_item_agencies_of(i.id) a");
        GeneratorProgram.Log(clock, "agencies' item index derived");
        await ExecAsync(c,
            """
            INSERT INTO change_records (sequence, occurred_at, action, resource_type, resource_key, version, link, public)
            SELECT row_number() OVER (ORDER BY occurred_at, k, tie), occurred_at, action, resource_type, resource_key,
                   '"' || translate(encode(substring(sha256(convert_to(resource_type || ' ' || resource_key || ' ' || occurred_at::text, 'UTF8')) FROM 1 FOR 18), 'base64'), '+/', '-_') || '"',
                   link, public
            FROM (
                SELECT a.created_at AS occurred_at, 0 AS k, a.code AS tie, 'create' AS action, 'agency' AS resource_type, a.code AS resource_key,
                       '/api/v1/agencies/' || a.code AS link, true AS public
                FROM agencies a
                UNION ALL
                SELECT g.created_at, 1, g.code, 'create', 'grouping', g.code, '/api/v1/groupings/' || g.code, true FROM groupings g
                UNION ALL
                SELECT p.created_at, 2, p.id::text, 'create', 'plan', p.id::text, '/api/v1/plans/' || p.id, p.lifecycle <> 'draft' FROM plans p
                UNION ALL
                SELECT i.created_at + i.ordinal * interval '1 ms', 3, i.id::text, 'create', 'plan_item', i.plan_id || '/' || i.ordinal,
                       '/api/v1/plans/' || i.plan_id || '/items/' || i.ordinal, p.lifecycle <> 'draft'
                FROM plan_items i JOIN plans p ON p.id = i.plan_id
                UNION ALL
                SELECT i.created_at + i.ordinal * interval '1 ms', 4, i.id::text, 'update', 'plan', p.id::text, '/api/v1/plans/' || p.id, p.lifecycle <> 'draft'
                FROM plan_items i JOIN plans p ON p.id = i.plan_id
                UNION ALL
                SELECT r.reported_at, 5, r.id::text, 'create', 'progress_report', r.id::text, '/api/v1/progress-reports/' || r.id, true
                FROM progress_reports r
                UNION ALL
                SELECT r.reported_at, 6, r.id::text, 'update', 'plan_item', i.plan_id || '/' || i.ordinal,
                       '/api/v1/plans/' || i.plan_id || '/items/' || i.ordinal, true
                FROM progress_reports r JOIN plan_items i ON i.id = r.plan_item_id
                UNION ALL
                SELECT p.updated_at, 7, p.id::text, 'update', 'plan', p.id::text, '/api/v1/plans/' || p.id, true
                FROM plans p WHERE p.updated_at > p.created_at
            ) e
            ORDER BY occurred_at, k, tie
            """);
        // The API's own entries are positioned above every loaded one (see the ChangeFeedPositions migration).
        await ExecAsync(c, "UPDATE change_feed_origin SET base = (SELECT coalesce(max(sequence), 0) FROM change_records)");
        GeneratorProgram.Log(clock, "change feed derived");
        if (!options.Audit) return;
        await ExecAsync(c,
            """
            INSERT INTO audit_entries (id, occurred_at, client_id, client_name, key_id, agency_code, action, resource_type, resource_key, before, after, trace_id)
            SELECT md5('audit ' || r.id)::uuid, r.reported_at, 'key:' || md5('key ' || a.code)::uuid, 'QLVB ' || coalesce(a.short_name, a.name),
                   md5('key ' || a.code)::uuid, a.code, 'create', 'progress_report', r.id::text, NULL,
                   jsonb_build_object(
                       'id', r.id, 'planId', i.plan_id, 'ordinal', i.ordinal,
                       'reportingAgency', jsonb_build_object('code', a.code, 'name', a.name, 'shortName', a.short_name),
                       'status', r.status, 'percentComplete', r.percent_complete, 'summary', r.summary,
                       'evidence', CASE WHEN r.evidence_document_number IS NULL AND r.evidence_document_date IS NULL AND r.evidence_url IS NULL THEN NULL
                                   ELSE jsonb_build_object('documentNumber', r.evidence_document_number, 'documentDate', r.evidence_document_date, 'url', r.evidence_url) END,
                       'periodFrom', r.period_from, 'periodTo', r.period_to, 'reportedAt', r.reported_at),
                   '00-' || md5(r.id::text) || '-' || substr(md5('span ' || r.id), 1, 16) || '-01'
            FROM progress_reports r
            JOIN plan_items i ON i.id = r.plan_item_id
            JOIN agencies a ON a.id = r.reporting_agency_id
            """);
        GeneratorProgram.Log(clock, "audit trail derived");
    }

    public async Task CreateIndexesAsync(List<string> definitions, Stopwatch clock)
    {
        await using var c = await OpenAsync();
        foreach (var def in definitions) await ExecAsync(c, def);
        GeneratorProgram.Log(clock, $"rebuilt {definitions.Count} secondary indexes");
    }

    public async Task FinishAsync(World world, Stopwatch clock)
    {
        await using var c = await OpenAsync();
        await ExecAsync(c, "VACUUM (ANALYZE)");
        GeneratorProgram.Log(clock, "vacuumed and analyzed");
        var stamp = $"planapi-bench scale={options.Scale} seed={options.Seed} as-of={options.AsOf:yyyy-MM-dd} plans={world.PlanCount} items={world.ItemCount} reports={world.ReportCount}";
        await ExecAsync(c, $"COMMENT ON DATABASE \"{c.Database}\" IS '{stamp}'");
    }
}
