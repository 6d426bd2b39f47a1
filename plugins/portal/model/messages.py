"""The words of every check an editor can meet on one entry, as templates.

``invoke check``, the build and the web editor's own check before saving
(theme/static/js/aturan-editor.js) all word a problem from here: Python fills
a template with ``say(key, **values)``, and the editor receives the same
templates in admin/aturan.json and fills them the same way (``{name}`` is a
value, ``{{`` and ``}}`` are literal braces, as in Python's str.format). So a
message is written once and reads the same wherever the editor meets it.

Each message says what is wrong, then "Perbaiki:" and how to fix it.
"""

LIST_FIX = "tulis setiap isian di baris baru diawali '- '"
STATIC_IMAGE = "'{{static}}/images/nama-berkas.jpg'"

TEMPLATES = {
    # -- one value (model/kinds.py) -------------------------------------------
    "satu-nilai": "{label} harus berupa satu nilai, bukan daftar. Perbaiki: tulis satu nilai "
                  "setelah '{name}:'",
    "bukan-ya-tidak": "{label} tidak boleh true/false. Perbaiki: tulis nilainya dalam tanda "
                      "kutip",
    "tak-terlihat": "ada karakter tak terlihat (U+{code}) pada huruf ke-{position}. Perbaiki: "
                    "hapus isian ini lalu ketik ulang; karakter seperti ini sering ikut tersalin "
                    "dari pengolah kata atau pesan WhatsApp",
    "karakter-kendali": "ada karakter kendali (U+{code}) pada huruf ke-{position}; karakter ini "
                        "tidak tampil, tetapi dapat merusak umpan berita dan kalender. Perbaiki: "
                        "hapus karakter itu; bila isiannya dalam tanda kutip ganda, hapus juga "
                        "kode seperti \\e, \\0 atau \\x01, yang menuliskan karakter seperti "
                        "ini",
    "baris-tunggal": "ada pindah baris atau tab (U+{code}) pada huruf ke-{position}, padahal "
                     "isian ini hanya satu baris. Perbaiki: tulis isiannya dalam satu baris, "
                     "dengan spasi sebagai pengganti tab",
    "tanggal-bentuk": "'{value}' bukan tanggal yang dikenali. Perbaiki: tulis dengan bentuk "
                      "{form}",
    "tanggal-tahun": "tahun {year} di luar rentang {first} sampai {last}. Perbaiki: periksa "
                     "tahunnya",
    "tanggal-bulan": "bulan {month} tidak ada. Perbaiki: tulis bulan 01 sampai 12",
    "tanggal-hari": "tanggal {day} tidak ada pada bulan {month}-{year} (hanya sampai {last}). "
                    "Perbaiki: periksa tanggalnya",
    "tanggal-jam": "jam {hour}:{minute} tidak ada. Perbaiki: tulis jam 00:00 sampai 23:59",
    "daftar-bukan-teks": "{label} harus berupa daftar teks. Perbaiki: " + LIST_FIX,
    "daftar-ganda": "ada isian yang ditulis dua kali. Perbaiki: hapus yang ganda",
    "pilihan-tidak-dikenal": "nilai '{value}' tidak dikenal. Perbaiki: pilih salah satu dari "
                             "{choices}",
    "pilihan-daftar-tidak-dikenal": "nilai '{value}' tidak dikenal. Perbaiki: pilih dari "
                                    "{choices}",
    "koordinat-bukan-angka": "'{value}' bukan angka. Perbaiki: tulis angka desimal dengan "
                             "titik, misalnya -2.7398",
    "koordinat-rentang": "{value} di luar rentang -{limit} sampai {limit}. Perbaiki: periksa "
                         "apakah lintang dan bujur tertukar",
    "koordinat-wilayah": "{value} berada di luar {region} ({name} {low} sampai {high}). "
                         "Perbaiki: periksa angkanya, tanda minus, dan apakah lintang dan bujur "
                         "tertukar; salin titik dari OpenStreetMap",
    "teks-panjang": "terlalu panjang ({length} karakter, paling banyak {limit}). Perbaiki: "
                    "persingkat isinya",
    "teks-awalan": "'{value}' diawali '{prefix}', padahal kata itu sudah ditulis portal. "
                   "Perbaiki: tulis nama saja, misalnya '{rest}'",
    "slug-tidak-sah": "'{value}' bukan slug yang sah. Perbaiki: pakai {hint}",
    "bilangan-bertitik": "angka bertitik ({value}) tidak dibaca sebagai bilangan bulat. "
                         "Perbaiki: tulis angka saja tanpa titik pemisah ribuan, misalnya 10000",
    "bilangan-bukan": "'{value}' bukan bilangan bulat. Perbaiki: tulis angka saja tanpa titik, "
                      "misalnya 10000",
    "bilangan-minimum": "paling kecil {minimum}. Perbaiki: periksa angkanya",
    "ya-tidak-bukan": "'{value}' bukan true atau false. Perbaiki: tulis true atau false",
    "kim-satu-baris": "beberapa KIM ditulis dalam satu baris. Perbaiki: tulis sebagai daftar, "
                      "satu slug per baris diawali '- ', misalnya '- nama-kim-pertama' lalu "
                      "'- nama-kim-kedua'",
    "kim-bukan-slug": "'{value}' bukan slug KIM. Perbaiki: tulis slug profil KIM, yaitu nama "
                      "berkasnya di content/kim/ tanpa .md (misalnya 'nama-kim' untuk "
                      "content/kim/nama-kim.md), bukan nama KIM-nya",
    "gambar-bukan-jalur": "{label} harus berupa jalur berkas. Perbaiki: tulis misalnya "
                          "images/nama-berkas.jpg",
    "gambar-bukan-gambar": "'{value}' bukan berkas gambar. Perbaiki: pakai berkas .jpg, .png, "
                           ".webp atau .gif (gambar .svg atau .heic disimpan ulang sebagai .png "
                           "atau .jpg)",
    "gambar-spasi": "nama berkas gambar '{value}' memuat spasi. Perbaiki: ganti nama berkasnya "
                    "dengan tanda hubung sebagai pengganti spasi, misalnya "
                    "images/foto-kegiatan.jpg, lalu tulis nama itu di sini",
    "youtube-bukan": "'{value}' bukan alamat video YouTube. Perbaiki: salin alamat video dari "
                     "YouTube, misalnya https://www.youtube.com/watch?v=XXXXXXXXXXX, atau tulis "
                     "kode videonya saja (11 huruf, angka, - atau _)",
    "dokumen-bukan-jalur": "{label} harus berupa jalur berkas. Perbaiki: tulis misalnya "
                           "berkas/nama-berkas.pdf",
    "dokumen-jenis-berkas": "'{value}' bukan berkas dokumen yang diterima. Perbaiki: pakai "
                            "berkas {allowed}, simpan di folder content/berkas/",
    "dokumen-spasi": "nama berkas '{value}' memuat spasi. Perbaiki: ganti nama berkasnya "
                     "dengan tanda hubung sebagai pengganti spasi, misalnya "
                     "berkas/sk-pembentukan-kim.pdf, lalu tulis nama itu di sini",
    "url-bukan": "'{value}' bukan alamat web. Perbaiki: tulis lengkap diawali https://",
    "url-tidak-polos": "'{value}' bukan alamat web yang dapat dipakai: alamat tidak boleh memuat "
                       "spasi, tanda kutip, '<', '>', garis miring terbalik, atau nama dan '@' "
                       "sebelum nama situsnya. Perbaiki: salin alamatnya dari bilah alamat "
                       "peramban",
    "email-bukan": "'{value}' bukan alamat email. Perbaiki: tulis seperti nama@contoh.id",
    "whatsapp-bukan": "'{value}' bukan nomor ponsel WhatsApp. Perbaiki: tulis nomor ponsel "
                      "diawali 08 atau +62, misalnya 0812-3456-7890, dalam tanda kutip",
    "telepon-bukan": "'{value}' bukan nomor telepon. Perbaiki: tulis nomor dengan kode wilayah, "
                     "misalnya (0532) 21000, dalam tanda kutip",
    "harga-tanpa-satuan": "harga tanpa satuan. Perbaiki: tulis 'nilai:' dan 'satuan:' di bawah "
                          "'harga:', atau tulis teks seperti 'mulai Rp10.000'",
    "harga-tidak-dikenali": "harga tidak dikenali. Perbaiki: tulis 'nilai:' dan 'satuan:', atau "
                            "teks seperti 'mulai Rp10.000'",
    # -- one entry (intake/validation.py) -------------------------------------
    "wajib": "{label} wajib diisi{reason}. Perbaiki: tambahkan baris '{name}: ...'{example}",
    "wajib-dalam-kelompok": "{label} wajib diisi. Perbaiki: tambahkan '{name}: ...' di bawah "
                            "'{group}'{example}",
    "bukan-daftar-kelompok": "{label} harus berupa daftar. Perbaiki: " + LIST_FIX,
    "bukan-kelompok": "{label} harus berisi kolom bertingkat ({subnames}). Perbaiki: tulis "
                      "'{name}:' lalu kolom-kolomnya di baris berikut, menjorok dua spasi",
    "urutan-tanggal": "{later_label} ({later}) lebih awal daripada {earlier_label} ({earlier}). "
                      "Perbaiki: periksa tanggal dan jamnya; untuk acara yang diundur, tulis "
                      "tanggal barunya di kedua kolom",
    "hanya-cek-fakta": "kolom ini hanya untuk kategori Cek Fakta. Perbaiki: ubah 'category' "
                       "menjadi Cek Fakta atau hapus kolom ini",
    "judul-tanpa-alamat": "judul tidak menghasilkan alamat halaman. Perbaiki: isi kolom 'slug' "
                          "dengan huruf kecil dan tanda hubung",
    "alamat-terlalu-panjang": "alamat halaman dari kolom ini terlalu panjang ({length} huruf, "
                              "paling banyak {limit}). Perbaiki: isi kolom 'slug' dengan "
                              "beberapa kata pendek, misalnya 'rapat-kim-desember'",
    "tag-tanpa-huruf": "tag '{value}' tidak menghasilkan alamat halaman (hanya tanda baca atau "
                       "emoji). Perbaiki: tulis tag dengan huruf atau angka",
    "slug-dicadangkan": "slug '{slug}' sudah dipakai bagian lain portal. Perbaiki: pilih slug "
                        "lain",
    "isi-karakter-kendali": "ada karakter kendali (U+{code}) di isi tulisan, pada huruf "
                            "ke-{position} baris '{line}'; karakter ini tidak tampil, tetapi "
                            "dapat merusak umpan berita. Perbaiki: hapus karakter itu, misalnya "
                            "dengan menghapus lalu mengetik ulang baris tersebut",
    "isi-terlalu-panjang": "isi tulisan terlalu panjang ({size} KB, paling banyak {limit} KB). "
                           "Perbaiki: bagi menjadi beberapa tulisan, atau pindahkan lampiran "
                           "panjang ke berkas terpisah",
    "isi-gambar-tanpa-static": "gambar '{target}' di isi tulisan ditulis tanpa '{{static}}'. "
                               "Perbaiki: tulis " + STATIC_IMAGE,
    "isi-gambar-tanpa-garis-miring": "gambar '{target}' ditulis tanpa garis miring setelah "
                                     "{{static}}. Perbaiki: tulis " + STATIC_IMAGE,
    "isi-gambar-tidak-ada": "gambar '{target}' di isi tulisan tidak ditemukan. Perbaiki: simpan "
                            "berkasnya di content/images/ dan tulis " + STATIC_IMAGE,
    "isi-img": "gambar ditulis dengan tag <img>. Perbaiki: tulis dengan Markdown, "
               "![teks alternatif]({{static}}/images/nama-berkas.jpg), supaya alamatnya benar "
               "di setiap halaman",
    "isi-html-berbahaya": "{what} tidak diizinkan di isi tulisan. Perbaiki: hapus bagian itu; "
                          "tulis isi dengan Markdown biasa, dan sisipkan video atau peta sebagai "
                          "tautan",
    "isi-tautan-md": "tautan '{target}' menuju berkas .md tanpa '{{filename}}'. Perbaiki: tulis "
                     "{{filename}}/berita/nama-berkas.md (jalur dari folder content/)",
    "isi-tautan-tanpa-https": "tautan '{target}' tanpa https://. Perbaiki: tulis alamat "
                              "lengkap, misalnya https://{target}",
    "isi-tautan-tidak-ada": "tautan '{target}' di isi tulisan menuju berkas yang tidak ada. "
                            "Perbaiki: periksa ejaan jalurnya, misalnya "
                            "{{filename}}/berita/nama-berkas.md",
    "isi-tautan-filename-bukan-tulisan": "tautan '{target}' memakai {{filename}} untuk berkas "
                                         "yang bukan tulisan. Perbaiki: tulis {{static}} untuk "
                                         "foto dan dokumen, misalnya "
                                         "{{static}}/berkas/nama-berkas.pdf; {{filename}} hanya "
                                         "untuk tulisan .md",
    "isi-tautan-draf": "tautan ke {path}, yang masih draf. Perbaiki: terbitkan tulisan itu dulu "
                       "(status: published) atau hapus tautannya",
    # -- against the other entries and files -----------------------------------
    "dokumen-tidak-ada": "berkas '{value}' tidak ditemukan. Perbaiki: simpan berkasnya di "
                         "folder content/berkas/ dan tulis jalurnya, misalnya "
                         "berkas/nama-berkas.pdf",
    "gambar-tidak-ada": "berkas gambar '{value}' tidak ditemukan. Perbaiki: simpan fotonya di "
                        "folder content/images/ dan tulis jalurnya, misalnya "
                        "images/nama-berkas.jpg",
    "slug-ganda": "slug '{slug}' sudah dipakai oleh {path}. Perbaiki: beri slug yang berbeda",
    "kim-tidak-ada": "KIM '{ref}' tidak ada. Perbaiki: {fix}",
    "kim-tidak-ada-mirip": "mungkin maksudnya '{suggestion}'",
    "kim-tidak-ada-tulis": "tulis slug salah satu profil di content/kim/",
    "rujukan-tidak-ada": "{label} '{ref}' tidak ada. Perbaiki: tulis slug salah satu isian di "
                         "content/{collection}/, atau kosongkan kolom ini",
    "kim-draf": "KIM '{ref}' masih draf, sehingga rujukan ini tidak tampil di situs. Perbaiki: "
                "terbitkan profil KIM itu (status: published) atau hapus rujukannya",
    "rujukan-draf": "{label} '{ref}' masih draf, sehingga rujukan ini tidak tampil di situs. "
                    "Perbaiki: terbitkan isian itu di content/{collection}/ (status: published) "
                    "atau hapus rujukannya",
    # -- the built site's folders (builder/swap.py): met when building --------
    "folder-hasil-asing": "{path} berupa {found}, bukan {expected} yang dibuat portal ini, "
                          "jadi portal tidak menimpa, mengubah, atau menghapusnya. Perbaiki: "
                          "pindahkan atau ganti nama {path} (misalnya mv {path} "
                          "{path}.cadangan), lalu bangun lagi",
    "folder-hasil-gagal": "{path}: tidak dapat {action} ({reason}). Perbaiki: pastikan folder "
                          "proyek dapat ditulisi dan disk tidak penuh, lalu bangun lagi",
    # -- files in content/ besides the entries (intake/uploads.py, images.py) ----
    "tautan-simbolik": "{what} ini adalah tautan simbolik (symlink), bukan {what} sungguhan; "
                       "portal tidak membaca dan tidak menerbitkan apa pun lewat tautan. "
                       "Perbaiki: ganti dengan berkas aslinya (salin isinya ke sini), atau hapus "
                       "tautannya",
    "berkas-tidak-diterbitkan": "berkas {suffix} tidak dapat diterbitkan: portal hanya "
                                "menerbitkan foto JPEG, PNG, WebP atau GIF dari content/images/ "
                                "dan dokumen PDF dari content/berkas/. Perbaiki: {fix}",
    "perbaiki-svg": "simpan ulang gambarnya sebagai PNG (menu Ekspor di aplikasi gambarnya), "
                    "hapus berkas .svg ini, lalu tulis nama berkas .png itu di isian yang "
                    "memakainya",
    "perbaiki-foto-lain": "simpan ulang fotonya sebagai JPEG (.jpg) atau PNG, hapus berkas ini, "
                          "lalu tulis nama berkas baru itu di isian yang memakainya",
    "perbaiki-dokumen-lain": "simpan dokumennya sebagai PDF (menu Simpan sebagai atau Ekspor "
                             "di aplikasinya) di content/berkas/, lalu hapus berkas ini",
    "perbaiki-hapus": "hapus berkas ini; halaman portal ditulis sebagai berkas .md di folder "
                      "jenis kontennya",
    "foto-kosong": "berkas gambar kosong (0 bita). Perbaiki: unggah ulang fotonya",
    "foto-bukan-foto": "berkas ini bukan gambar yang dapat dibuka (rusak, atau berkas lain yang "
                       "diberi nama gambar). Perbaiki: simpan ulang fotonya dari kamera atau "
                       "aplikasi foto sebagai .jpg atau .png",
    "foto-terlalu-banyak-piksel": "gambar terlalu besar (lebih dari {limit} megapiksel). "
                                  "Perbaiki: perkecil fotonya, misalnya menjadi lebar 2000 piksel",
    "foto-terlalu-besar": "foto terlalu besar ({size} MB, paling besar {limit} MB). Perbaiki: "
                          "perkecil fotonya dengan fitur ubah ukuran di aplikasi foto (lebar "
                          "{side} piksel sudah cukup), atau unggah lewat editor web, yang "
                          "memperkecilnya sendiri",
    "dokumen-bukan-pdf": "isi berkas ini bukan PDF, meski namanya berakhiran .pdf (berkas PDF "
                         "selalu diawali '%PDF-'). Perbaiki: buka dokumennya di aplikasinya, "
                         "simpan sebagai PDF (menu Simpan sebagai atau Ekspor), lalu ganti "
                         "berkas ini dengan hasilnya",
    "dokumen-terlalu-besar": "dokumen terlalu besar ({size} MB, paling besar {limit} MB). "
                             "Perbaiki: perkecil PDF-nya (misalnya pindai ulang dengan resolusi "
                             "150 dpi, atau pakai fitur kompres PDF), atau bagi menjadi beberapa "
                             "berkas",
    "gambar-di-luar-images": "'{value}' tidak berada di folder images/, tempat foto yang "
                             "diterbitkan. Perbaiki: simpan fotonya di folder content/images/ dan "
                             "tulis jalurnya, misalnya images/nama-berkas.jpg",
    "dokumen-di-luar-berkas": "'{value}' tidak berada di folder berkas/, tempat dokumen yang "
                              "diterbitkan. Perbaiki: simpan dokumennya di folder "
                              "content/berkas/ dan tulis jalurnya, misalnya "
                              "berkas/nama-berkas.pdf",
    "isi-gambar-bukan-foto": "gambar '{target}' di isi tulisan bukan foto di folder images/. "
                             "Perbaiki: simpan fotonya (.jpg, .png, .webp atau .gif) di "
                             "content/images/ dan tulis " + STATIC_IMAGE,
    "isi-tautan-tidak-diterbitkan": "tautan '{target}' di isi tulisan menuju berkas yang tidak "
                                    "diterbitkan portal. Perbaiki: tautkan foto dari "
                                    "content/images/ atau dokumen PDF dari content/berkas/, "
                                    "misalnya {{static}}/berkas/nama-berkas.pdf; tulisan lain "
                                    "ditautkan dengan {{filename}}/...",
    # -- reminders after a valid check (domain/reminders.py): never fatal ----
    "pengingat-profil-kim": "profil KIM belum lengkap: kolom {fields} belum diisi{effect}. "
                            "Pembaca tidak diberi tahu apa yang kosong: bagian itu tidak "
                            "tampil di profil. Perbaiki: isi kolom itu bila datanya sudah "
                            "pasti (docs/panduan-editor.md, bagian Rapor KIM)",
    # -- the built site's pages (quality/budgets.py): met when building ------
    # The theme caps what a page repeats, so only a theme bug gets here.
    "halaman-melebihi-batas": "Halaman {page}{source} melebihi batas tampilan pertama: {size} "
                              "bita terkompresi bersama lembar gayanya, tanpa isi tulisan, "
                              "padahal batasnya {limit} bita. Ini kesalahan tema portal, bukan "
                              "kesalahan konten: tema seharusnya membatasi apa yang diulang di "
                              "halaman, berapa pun banyak dan panjang isiannya. Perbaiki: "
                              "jangan ubah kontennya; laporkan pesan ini kepada pengembang "
                              "portal",
    # -- the hub (portal/hub/, `invoke hub`): its settings file -------------
    "hub-pengaturan-tidak-ada": "berkas pengaturan hub tidak ada. Perbaiki: salin {example} "
                                "menjadi {name}, lalu tulis daftar portal di kolom 'portal'",
    "hub-kolom-tidak-dikenal": "kolom ini tidak dikenal. Perbaiki: hapus kolom ini atau "
                               "periksa ejaannya; kolom yang dikenal di sini: {known}",
    "hub-kolom-wajib": "wajib diisi. Perbaiki: tulis {example}",
    "hub-bukan-teks": "harus berupa teks satu baris. Perbaiki: tulis {example}",
    "hub-alamat-bukan-web": "'{value}' bukan alamat web. Perbaiki: tulis alamat lengkap yang "
                            "diawali https:// (atau http://), misalnya {example}",
    "hub-portal-bukan-daftar": "harus berupa daftar portal. Perbaiki: tulis setiap portal di "
                               "baris baru diawali '- nama:', dengan 'alamat:' atau 'folder:' "
                               "di bawahnya",
    "hub-portal-tanpa-sumber": "portal ini tidak punya alamat maupun folder. Perbaiki: tulis "
                               "'alamat:' (alamat portal di web) atau 'folder:' (folder hasil "
                               "pembangunannya di komputer ini)",
    "hub-portal-ganda": "portal '{slug}' sudah ditulis pada baris {line}. Perbaiki: hapus yang "
                        "ganda, atau beri portal ini nama atau slug lain",
    "hub-angka": "'{value}' bukan angka {low} sampai {high}. Perbaiki: tulis angka saja, "
                 "misalnya {example}",
    # -- the hub: a portal it cannot read is skipped, never fatal -----------
    "hub-portal-dilewati": "portal '{name}' dilewati: {reason}. Hub tetap dibangun dari portal "
                           "lainnya. Perbaiki: {fix}",
    "hub-bagian-dilewati": "portal '{name}': {part} tidak ikut: {reason}. Bagian lain portal "
                           "ini tetap ditampilkan. Perbaiki: {fix}",
    "hub-butir-dilewati": "portal '{name}': {count} butir di {source} dilewati (butir ke-{index}: "
                          "{reason}). Perbaiki: minta pengelola portal itu membangun ulang "
                          "situsnya dengan versi portal terbaru; berkas ini dibuat oleh "
                          "pembangunan portal, tidak disunting tangan",
    "hub-semua-dilewati": "tidak ada portal yang dapat dibaca ({count} dilewati, lihat pesan di "
                          "atas); hub tidak dibangun dan {target}/ tidak diubah. Perbaiki: "
                          "periksa alamat dan folder portal di {settings} dan sambungan "
                          "internet komputer ini, lalu jalankan lagi",
    # Why a portal's file could not be read (the {reason} above).
    "hub-sebab-koneksi": "{source} tidak dapat dihubungi ({detail})",
    "hub-sebab-http": "{source} dijawab dengan HTTP {status}",
    "hub-sebab-tidak-ada": "{source} tidak ada",
    "hub-sebab-besar": "{source} lebih besar dari {limit} MB",
    "hub-sebab-json": "{source} bukan JSON yang sah ({detail})",
    "hub-sebab-bukan-umpan": "{source} bukan JSON Feed 1.1 ({detail})",
    "hub-sebab-tanpa-alamat": "alamat portal ini tidak diketahui ({source} tidak menulis "
                              "feed_url)",
    "hub-sebab-tanpa-bundel": "{source} tidak menyebut bundel Pagefind yang dikenal",
    # How to fix it (the {fix} above).
    "hub-perbaiki-sambungan": "periksa alamat portal ini; bila alamatnya benar, situs itu "
                              "sedang tidak dapat dibuka: jalankan hub lagi nanti",
    "hub-perbaiki-umpan": "periksa alamat portal ini; portal yang dibangun sebelum ada umpan "
                          "JSON belum punya berkas itu: minta pengelolanya membangun ulang "
                          "situsnya dengan versi portal terbaru",
    "hub-perbaiki-isi": "minta pengelola portal itu membangun ulang situsnya dengan versi "
                        "portal terbaru; berkas ini dibuat oleh pembangunan portal, tidak "
                        "disunting tangan",
    "hub-perbaiki-alamat": "tulis 'alamat:' portal ini (alamatnya di web) di berkas "
                           "pengaturan hub",
    "hub-perbaiki-pencarian": "periksa alamat portal ini; bila alamatnya benar, minta "
                              "pengelolanya membangun ulang situsnya dengan versi portal "
                              "terbaru: halaman cari/ dan indeks pagefind/ dibuat oleh "
                              "pembangunan portal",
    "hub-perbaiki-folder": "periksa jalur 'folder' (dibaca dari folder berkas pengaturan), atau "
                           "bangun dulu portal itu",
}


def say(key, **values):
    """The message `key` with its values filled in."""
    return TEMPLATES[key].format(**values)
