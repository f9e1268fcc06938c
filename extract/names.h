// Internal to extract/: issuing bodies and people's names, from capitals to
// the case a reader writes them in.
//
// The header block prints bodies in capitals ("SỞ GIÁO DỤC VÀ ĐÀO TẠO",
// "TRƯỜNG THPT KIẾN THỤY", Nghị định 30/2020, Phụ lục I, mục II.2), and the
// signature block often prints the name in capitals ("ĐÀO THẾ ANH"). The
// archive stores them as a sentence would: the body type as Vietnamese
// writes it (Sở, Ủy ban nhân dân, Trường — only its first word capitalised),
// the field of a department with each coordinated field capitalised (Giáo dục
// và Đào tạo, Kế hoạch và Đầu tư), administrative levels in lower case (tỉnh,
// huyện, thành phố), acronyms kept (THPT, UBND, GD&ĐT) and every other word —
// the proper name — capitalised (Kiến Thụy, Lộc Ninh).
#pragma once

#include <string>
#include <string_view>

namespace vanban::extract::internal {

// True when `s` has letters and none of them is lower case: "HIỆU TRƯỞNG",
// "TRƯỜNG THPT KIẾN THỤY", "KT. HIỆU TRƯỞNG".
bool IsCapitals(std::string_view s);

// "Kiến" from "KIẾN" or "kiến": first letter upper, the rest lower.
std::string Capitalize(std::string_view word);

// An issuing body written in capitals → its usual case:
// "SỞ GIÁO DỤC VÀ ĐÀO TẠO" → "Sở Giáo dục và Đào tạo",
// "TRƯỜNG THPT KIẾN THỤY" → "Trường THPT Kiến Thụy",
// "UBND TỈNH ĐỒNG NAI" → "UBND tỉnh Đồng Nai".
// Text that is not in capitals is returned as it is.
std::string BodyCase(std::string_view body);

// A person's name: "ĐÀO THẾ ANH" → "Đào Thế Anh"; "Vi Hữu Tài" unchanged.
std::string NameCase(std::string_view name);

// True when `word` is a common Vietnamese family name (họ): "Nguyễn", "Vi",
// "Đào". Any case.
bool IsFamilyName(std::string_view word);

// True when `word` is an acronym to keep in capitals: THPT, UBND, GD&ĐT.
bool IsAcronym(std::string_view word);

}  // namespace vanban::extract::internal
