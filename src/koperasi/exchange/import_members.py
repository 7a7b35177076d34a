"""Importing members from Excel (the first kind of :mod:`.importing`)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select

from ..db.models import (
    Group,
    Member,
    VulnerabilityCategory,
)
from ..domain.vocabulary import MemberStatus
from ..errors import ValidationError
from .import_kind import Field, Kind
from .xlsxin import normalize

GENDER_WORDS = {
    "l": "L",
    "lk": "L",
    "laki laki": "L",
    "laki": "L",
    "pria": "L",
    "m": "L",
    "male": "L",
    "p": "P",
    "pr": "P",
    "perempuan": "P",
    "wanita": "P",
    "w": "P",
    "f": "P",
    "female": "P",
}
# what may be typed in the Status column (both languages) -> the stored status
STATUS_WORDS = {
    "aktif": MemberStatus.ACTIVE,
    "active": MemberStatus.ACTIVE,
    "calon": MemberStatus.CANDIDATE,
    "candidate": MemberStatus.CANDIDATE,
    "keluar": MemberStatus.LEFT,
    "exited": MemberStatus.LEFT,
    "left": MemberStatus.LEFT,
    "meninggal": MemberStatus.DECEASED,
    "deceased": MemberStatus.DECEASED,
}


def member_number_field(required: bool) -> Field:
    return Field(
        "member_number",
        "text",
        required,
        "Nomor Anggota",
        "Member number",
        ("no anggota", "nomor", "no", "member no", "number", "no. anggota", "id anggota"),
        "A00001",
        "kosongkan untuk nomor otomatis" if not required else "",
        "leave empty for an automatic number" if not required else "",
    )


class MembersKind(Kind):
    key = "members"
    titles = ("Anggota", "Members", "Data Anggota")
    fields = (
        member_number_field(False),
        Field(
            "name",
            "text",
            True,
            "Nama",
            "Name",
            ("nama lengkap", "full name", "nama anggota"),
            "Siti Aminah",
        ),
        Field(
            "nik",
            "nik",
            True,
            "NIK",
            "NIK",
            ("no ktp", "nomor ktp", "nomor nik", "national id", "ktp"),
            "6471045505850001",
            "16 digit, sebagai teks",
            "16 digits, as text",
        ),
        Field(
            "gender",
            "text",
            True,
            "Jenis Kelamin",
            "Gender",
            ("jk", "l p", "sex", "kelamin"),
            "P",
            "L atau P",
            "L or P",
        ),
        Field(
            "birth_place",
            "text",
            False,
            "Tempat Lahir",
            "Birth place",
            ("tempat lahir",),
            "Balikpapan",
        ),
        Field(
            "birth_date",
            "date",
            False,
            "Tanggal Lahir",
            "Birth date",
            ("tgl lahir", "date of birth", "dob"),
            dt.date(1985, 5, 15),
            "dd/mm/yyyy",
            "dd/mm/yyyy",
        ),
        Field("address", "text", False, "Alamat", "Address", (), "Jl. Mulawarman No. 12"),
        Field(
            "kelurahan",
            "text",
            False,
            "Kelurahan",
            "Village",
            ("desa", "kelurahan desa"),
            "Manggar",
        ),
        Field(
            "kecamatan", "text", False, "Kecamatan", "District", ("district",), "Balikpapan Timur"
        ),
        Field(
            "phone",
            "text",
            False,
            "Nomor HP",
            "Phone",
            ("no hp", "telepon", "hp", "no telepon", "phone number", "telp"),
            "081234567890",
        ),
        Field("occupation", "text", False, "Pekerjaan", "Occupation", ("job",), "Pedagang"),
        Field(
            "join_date",
            "date",
            True,
            "Tanggal Masuk",
            "Join date",
            ("tgl masuk", "tanggal bergabung", "tanggal daftar", "joined", "join"),
            dt.date(2024, 1, 6),
            "dd/mm/yyyy",
            "dd/mm/yyyy",
        ),
        Field(
            "heir_name", "text", False, "Nama Ahli Waris", "Heir name", ("ahli waris", "heir"), ""
        ),
        Field(
            "heir_relation",
            "text",
            False,
            "Hubungan Ahli Waris",
            "Heir relation",
            ("hubungan", "relation"),
            "",
        ),
        Field(
            "group_code",
            "text",
            False,
            "Kode Kelompok",
            "Group code",
            ("kelompok", "group"),
            "",
            "kode kelompok yang sudah ada",
            "code of an existing group",
        ),
        Field(
            "categories",
            "text",
            False,
            "Kategori Kerentanan",
            "Vulnerability categories",
            ("kategori", "categories", "kerentanan"),
            "pkk",
            "kode dipisah ; (pkk, disabilitas, lansia, pinggiran, bansos)",
            "codes separated by ;",
        ),
        Field(
            "status",
            "text",
            False,
            "Status",
            "Status",
            (),
            "aktif",
            "aktif/calon (kosong = aktif)",
            "aktif/calon (empty = aktif)",
        ),
    )

    def row_checks(self, data: dict[str, Any]) -> list[ValidationError]:
        from ..services.members import MemberInput, validation_errors

        errs: list[ValidationError] = []
        g = normalize(data.get("gender"))
        if g in GENDER_WORDS:
            data["gender"] = GENDER_WORDS[g]
        elif data.get("gender"):
            errs.append(ValidationError("gender", "choice", choices="L, P", value=data["gender"]))
        st = normalize(data.get("status")) or MemberStatus.ACTIVE
        if st not in STATUS_WORDS:
            errs.append(
                ValidationError(
                    "status", "choice", choices="aktif, calon", value=data.get("status")
                )
            )
        else:
            data["status"] = STATUS_WORDS[st]
            if data["status"] in ("keluar", "meninggal"):
                errs.append(
                    ValidationError(
                        "status", "choice", choices="aktif, calon", value=data["status"]
                    )
                )
        cats = data.get("categories") or ""
        data["categories"] = tuple(
            sorted(
                {
                    normalize(c).replace(" ", "_")
                    for c in cats.replace(",", ";").split(";")
                    if c.strip()
                }
            )
        )
        if errs or data.get("join_date") is None:
            return errs
        data["input"] = MemberInput(
            name=data.get("name") or "",
            nik=data.get("nik") or "",
            gender=data.get("gender") or "",
            join_date=data["join_date"],
            birth_date=data.get("birth_date"),
            birth_place=data.get("birth_place") or "",
            address=data.get("address") or "",
            kelurahan=data.get("kelurahan") or "",
            kecamatan=data.get("kecamatan") or "",
            phone=data.get("phone") or "",
            occupation=data.get("occupation") or "",
            heir_name=data.get("heir_name") or "",
            heir_relation=data.get("heir_relation") or "",
            group_code=(data.get("group_code") or "").upper() or None,
            categories=data["categories"],
            status=data["status"],
            number=data.get("member_number") or None,
        )
        return validation_errors(data["input"])

    def file_checks(self, rep, row, data, cols) -> None:
        self.unique_in_file(rep, row, cols.get("nik", ""), "nik", data.get("nik"), "nik")
        self.unique_in_file(
            rep, row, cols.get("member_number", ""), "number", data.get("member_number"), "member"
        )

    def db_checks(self, s, batch):
        niks = {d["nik"]: r for r, d in batch if d.get("nik")}
        for (nik,) in s.execute(select(Member.nik).where(Member.nik.in_(niks))):
            yield niks[nik], "nik", ValidationError("nik", "duplicate", value=nik)
        numbers = {d["member_number"]: r for r, d in batch if d.get("member_number")}
        for (num,) in s.execute(select(Member.number).where(Member.number.in_(numbers))):
            yield numbers[num], "member_number", ValidationError("member", "duplicate", value=num)
        groups = {(d.get("group_code") or "").upper() for _, d in batch} - {""}
        have = set(s.scalars(select(Group.code).where(Group.code.in_(groups))))
        cats = set(s.scalars(select(VulnerabilityCategory.code)))
        for r, d in batch:
            code = (d.get("group_code") or "").upper()
            if code and code not in have:
                yield (
                    r,
                    "group_code",
                    ValidationError("group", "unknown_ref", what="Kelompok", value=code),
                )
            for c in d.get("categories", ()):
                if c not in cats:
                    yield (
                        r,
                        "categories",
                        ValidationError(
                            "category", "choice", choices=", ".join(sorted(cats)), value=c
                        ),
                    )

    def apply(self, s, actor, data) -> int:
        from ..services.members import register_in

        register_in(s, actor, data["input"])
        return 1
