"""``rat ...``: the annual members' meeting (RAT) module.

    rat budget show YEAR [--json]                 the year's budget against the actual
    rat budget set YEAR CODE=AMOUNT ...           replace the year's budget (RAPB)
    rat budget import YEAR FILE.xlsx              the same from a sheet (Kode, Anggaran)
    rat text show YEAR board|supervisors [--json] the board's / supervisors' report
    rat text set YEAR board|supervisors FILE      save it from a text file ('-': stdin)
    rat officer list [--on DATE] [--json] · rat officer add BODY POSITION NAME --from DATE
      [--to DATE] · rat officer remove ID
    rat meeting show YEAR [--json] · rat meeting set YEAR [--date D] [--place P]
      [--entitled N] [--present N]
    rat quorum set ">" 1 2                        the statutes' rule (more than 1/2)
    rat governance show YEAR [--json] · rat governance set YEAR KEY=ya|tidak ...
    rat health YEAR [--json]                      the four-aspect health rating
The book itself: ``report buku-rat --year YEAR -o buku.pdf``.
"""

from __future__ import annotations

import sys
from dataclasses import asdict

from ..domain import health_rating as hr
from ..domain.quorum import QuorumRule
from ..errors import ValidationError
from ..messages.text import T
from .base import parse_amount, parse_date, parse_int, print_json, print_table


def register(sub) -> None:
    p = sub.add_parser(
        "rat", help="rapat anggota tahunan: anggaran, laporan, pengurus, rapat, kesehatan"
    )
    ps = p.add_subparsers(dest="rat_cmd", metavar="AREA", required=True)

    b = ps.add_parser("budget", help="anggaran (RAPB) dan realisasinya")
    bs = b.add_subparsers(dest="budget_cmd", metavar="ACTION", required=True)
    x = bs.add_parser("show")
    x.add_argument("year")
    x.add_argument("--json", action="store_true")
    x.set_defaults(func=cmd_budget_show)
    x = bs.add_parser("set")
    x.add_argument("year")
    x.add_argument("lines", nargs="+", metavar="KODE=JUMLAH")
    x.set_defaults(func=cmd_budget_set)
    x = bs.add_parser("import")
    x.add_argument("year")
    x.add_argument("file")
    x.set_defaults(func=cmd_budget_import)

    t = ps.add_parser("text", help="laporan pengurus / pengawas")
    ts = t.add_subparsers(dest="text_cmd", metavar="ACTION", required=True)
    x = ts.add_parser("show")
    x.add_argument("year")
    x.add_argument("kind", choices=["board", "supervisors"])
    x.add_argument("--json", action="store_true")
    x.set_defaults(func=cmd_text_show)
    x = ts.add_parser("set")
    x.add_argument("year")
    x.add_argument("kind", choices=["board", "supervisors"])
    x.add_argument("file", help="berkas teks, atau - untuk stdin")
    x.set_defaults(func=cmd_text_set)

    o = ps.add_parser("officer", help="pengurus, pengawas dan karyawan")
    os_ = o.add_subparsers(dest="officer_cmd", metavar="ACTION", required=True)
    x = os_.add_parser("list")
    x.add_argument("--on", help="yang menjabat pada tanggal ini")
    x.add_argument("--json", action="store_true")
    x.set_defaults(func=cmd_officer_list)
    x = os_.add_parser("add")
    x.add_argument("body", choices=["pengurus", "pengawas", "karyawan"])
    x.add_argument("position")
    x.add_argument("name")
    x.add_argument("--from", dest="start", required=True)
    x.add_argument("--to", dest="end")
    x.set_defaults(func=cmd_officer_add)
    x = os_.add_parser("remove")
    x.add_argument("id")
    x.set_defaults(func=cmd_officer_remove)

    m = ps.add_parser("meeting", help="rapat: tanggal, tempat, daftar hadir, kuorum")
    ms = m.add_subparsers(dest="meeting_cmd", metavar="ACTION", required=True)
    x = ms.add_parser("show")
    x.add_argument("year")
    x.add_argument("--json", action="store_true")
    x.set_defaults(func=cmd_meeting_show)
    x = ms.add_parser("set")
    x.add_argument("year")
    x.add_argument("--date")
    x.add_argument("--place", default="")
    x.add_argument("--entitled")
    x.add_argument("--present")
    x.set_defaults(func=cmd_meeting_set)

    q = ps.add_parser("quorum", help="aturan kuorum anggaran dasar")
    qs = q.add_subparsers(dest="quorum_cmd", metavar="ACTION", required=True)
    x = qs.add_parser("set")
    x.add_argument("comparison", choices=[">", ">="])
    x.add_argument("numerator")
    x.add_argument("denominator")
    x.set_defaults(func=cmd_quorum_set)

    g = ps.add_parser("governance", help="jawaban pengurus atas pertanyaan tata kelola")
    gs = g.add_subparsers(dest="gov_cmd", metavar="ACTION", required=True)
    x = gs.add_parser("show")
    x.add_argument("year")
    x.add_argument("--json", action="store_true")
    x.set_defaults(func=cmd_gov_show)
    x = gs.add_parser("set")
    x.add_argument("year")
    x.add_argument("answers", nargs="+", metavar="KUNCI=ya|tidak")
    x.set_defaults(func=cmd_gov_set)

    h = ps.add_parser("health", help="penilaian kesehatan empat aspek")
    h.add_argument("year")
    h.add_argument("--json", action="store_true")
    h.set_defaults(func=cmd_health)


def _year(text: str) -> int:
    y = parse_int(text, "year")
    if not 1900 < y < 3000:
        raise ValidationError("year", "invalid")
    return y


def cmd_budget_show(ctx, args) -> int:
    from ..services.rat import budget

    rep = budget.budget_report(ctx.db, _year(args.year), actor=ctx.actor)
    if args.json:
        print_json(
            {
                "year": rep.year,
                "lines": [
                    {
                        "code": x.code,
                        "name": x.name,
                        "type": x.type,
                        "budget": x.budget,
                        "actual": x.actual,
                        "difference": x.difference,
                    }
                    for x in rep.lines
                ],
                "income": dict(zip(("budget", "actual"), rep.total("income"), strict=True)),
                "expense": dict(zip(("budget", "actual"), rep.total("expense"), strict=True)),
                "surplus": dict(zip(("budget", "actual"), rep.surplus, strict=True)),
            }
        )
        return 0
    print_table(
        ["Kode", "Pos", "Anggaran", "Realisasi", "Selisih"],
        [[x.code, x.name, x.budget, x.actual, x.difference] for x in rep.lines],
        {2, 3, 4},
    )
    return 0


def _pairs(items: list[str], field: str) -> list[tuple[str, str]]:
    out = []
    for item in items:
        if "=" not in item:
            raise ValidationError(field, "invalid")
        k, v = item.split("=", 1)
        out.append((k.strip(), v.strip()))
    return out


def cmd_budget_set(ctx, args) -> int:
    from ..services.rat import budget

    amounts = {k: parse_amount(v, "budget") for k, v in _pairs(args.lines, "budget")}
    saved = budget.set_budget(ctx.db, ctx.actor, _year(args.year), amounts)
    print(ctx.say("cli_budget_saved", count=len(saved)))
    return 0


def cmd_budget_import(ctx, args) -> int:
    from ..services.rat import budget

    saved = budget.import_budget(ctx.db, ctx.actor, _year(args.year), args.file)
    print(ctx.say("cli_budget_saved", count=len(saved)))
    return 0


def cmd_text_show(ctx, args) -> int:
    from ..services.rat import records

    t = records.get_text(ctx.db, _year(args.year), args.kind, actor=ctx.actor)
    if args.json:
        print_json(asdict(t))
    else:
        print(t.body)
    return 0


def cmd_text_set(ctx, args) -> int:
    from ..services.rat import records

    if args.file == "-":
        body = sys.stdin.read()
    else:
        try:
            with open(args.file, encoding="utf-8") as fh:
                body = fh.read()
        except OSError as exc:
            raise ValidationError("file", "invalid") from exc
    records.save_text(ctx.db, ctx.actor, _year(args.year), args.kind, body)
    return 0


def cmd_officer_list(ctx, args) -> int:
    from ..services.rat import records

    rows = records.list_officers(ctx.db, parse_date(args.on) if args.on else None, actor=ctx.actor)
    if args.json:
        print_json([asdict(o) for o in rows])
        return 0
    print_table(
        ["ID", "Badan", "Jabatan", "Nama", "Mulai", "Akhir"],
        [[o.id, o.body, o.position, o.name, o.term_start, o.term_end or ""] for o in rows],
    )
    return 0


def cmd_officer_add(ctx, args) -> int:
    from ..services.rat import records

    o = records.add_officer(
        ctx.db,
        ctx.actor,
        records.OfficerInput(
            args.body,
            args.position,
            args.name,
            parse_date(args.start, "term_start"),
            parse_date(args.end, "term_end") if args.end else None,
        ),
    )
    print(o.id)
    return 0


def cmd_officer_remove(ctx, args) -> int:
    from ..services.rat import records

    records.remove_officer(ctx.db, ctx.actor, parse_int(args.id, "officer_id"))
    return 0


def _meeting_json(m) -> dict:
    d = asdict(m)
    d["rule"] = {
        "comparison": m.rule.comparison,
        "numerator": m.rule.numerator,
        "denominator": m.rule.denominator,
    }
    return d


def cmd_meeting_show(ctx, args) -> int:
    from ..services.rat import records

    m = records.get_meeting(ctx.db, _year(args.year), actor=ctx.actor)
    if args.json:
        print_json(_meeting_json(m))
        return 0
    print(
        f"Anggota berhak hadir: {m.members_entitled}; kuorum: {m.needed}; hadir: {m.members_present if m.members_present is not None else '-'}"
    )
    for n, a in enumerate(m.agenda, start=1):
        print(f"{n}. {a}")
    return 0


def cmd_meeting_set(ctx, args) -> int:
    from ..services.rat import records

    year = _year(args.year)
    old = records.get_meeting(ctx.db, year, actor=ctx.actor)
    m = records.save_meeting(
        ctx.db,
        ctx.actor,
        year,
        records.MeetingInput(
            parse_date(args.date) if args.date else old.held_on,
            args.place or old.place,
            parse_int(args.entitled, "members_entitled")
            if args.entitled
            else (old.members_entitled if old.saved else None),
            parse_int(args.present, "members_present") if args.present else old.members_present,
            "\n".join(old.agenda),
            "\n".join(old.decisions),
        ),
    )
    print_json(_meeting_json(m))
    return 0


def cmd_quorum_set(ctx, args) -> int:
    from ..services.rat import records

    rule = QuorumRule(
        args.comparison,
        parse_int(args.numerator, "quorum_rule"),
        parse_int(args.denominator, "quorum_rule"),
    )
    records.save_quorum_rule(ctx.db, ctx.actor, rule)
    return 0


def cmd_gov_show(ctx, args) -> int:
    from ..services.rat import records

    answers = records.get_answers(ctx.db, _year(args.year), actor=ctx.actor)
    questions = [(k, ctx.t(T(v[0], v[1])), v[2], answers.get(k)) for k, v in hr.QUESTIONS.items()]
    if args.json:
        print_json(
            [
                {"key": k, "question": q, "indicator": indicator, "met": met}
                for k, q, indicator, met in questions
            ]
        )
        return 0
    print_table(
        ["Kunci", "Pertanyaan", "Jawaban"],
        [[k, q, {True: "ya", False: "tidak", None: "-"}[met]] for k, q, _i, met in questions],
    )
    return 0


def cmd_gov_set(ctx, args) -> int:
    from ..services.rat import records

    year = _year(args.year)
    answers = records.get_answers(ctx.db, year, actor=ctx.actor)
    for k, v in _pairs(args.answers, "question"):
        if v.lower() not in ("ya", "tidak", "yes", "no"):
            raise ValidationError("question", "choice", choices="ya, tidak", value=v)
        answers[k] = v.lower() in ("ya", "yes")
    records.save_answers(ctx.db, ctx.actor, year, answers)
    return 0


def cmd_health(ctx, args) -> int:
    from ..services.rat import health

    y = health.year_rating(ctx.db, _year(args.year), actor=ctx.actor)
    r = y.rating
    if args.json:
        print_json(
            {
                "year": y.year,
                "total": r.total,
                "outcome": r.outcome,
                "aspects": [asdict(a) for a in r.aspects],
                "indicators": [asdict(i) for i in r.indicators],
            }
        )
        return 0
    print_table(
        ["Aspek", "Bobot", "Skor", "Tertimbang"],
        [[hr.ASPECT_LABELS[a.aspect][0], a.weight, a.score, a.weighted] for a in r.aspects],
        {1, 2, 3},
    )
    label = ctx.t(T(*hr.OUTCOME_LABELS[r.outcome]))
    print(f"Skor {r.total}: {label}")
    return 0
