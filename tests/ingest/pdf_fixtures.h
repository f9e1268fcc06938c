// PDFs written byte by byte for the ingest tests, so that bad-input cases need
// no tool beyond the compiler: a minimal valid one-page PDF, the same one cut
// short, and one encrypted with a password nobody knows.
#pragma once

#include <cstdio>
#include <string>
#include <vector>

namespace vanban::testing {

// Objects 1..n from their bodies, with a correct xref table and trailer.
inline std::string BuildPdf(const std::vector<std::string>& objects, const std::string& trailer_extra = "") {
  std::string out = "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n";
  std::vector<size_t> offsets;
  for (size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(out.size());
    out += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  size_t xref = out.size();
  out += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
  for (size_t off : offsets) {
    char line[32];
    std::snprintf(line, sizeof line, "%010zu 00000 n \n", off);
    out += line;
  }
  out += "trailer\n<< /Size " + std::to_string(objects.size() + 1) + " /Root 1 0 R " + trailer_extra +
         " >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
  return out;
}

inline std::vector<std::string> HelloObjects() {
  std::string content = "BT /F1 12 Tf 72 770 Td (Hello vanban) Tj ET";
  return {
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
      "/Resources << /Font << /F1 5 0 R >> >> >>",
      "<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content + "\nendstream",
      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  };
}

// One page, "Hello vanban" in Helvetica 12 at the top left.
inline std::string HelloPdf() { return BuildPdf(HelloObjects()); }

// The same page behind the standard security handler (RC4 40-bit, revision 2)
// with /O and /U values that match no password: the empty user password that
// readers try first fails, as it does for any PDF locked with a password.
inline std::string EncryptedPdf() {
  std::vector<std::string> objects = HelloObjects();
  const std::string key32 = "<" + std::string(64, 'A') + ">";
  objects.push_back("<< /Filter /Standard /V 1 /R 2 /O " + key32 + " /U <" + std::string(64, '5') +
                    "> /P -44 >>");
  return BuildPdf(objects, "/Encrypt 6 0 R /ID [<0123456789ABCDEF0123456789ABCDEF> "
                           "<0123456789ABCDEF0123456789ABCDEF>]");
}

}  // namespace vanban::testing
