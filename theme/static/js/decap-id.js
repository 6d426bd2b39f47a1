/* Indonesian interface for the web editor at /admin/ (Decap CMS).
 *
 * Decap ships no Indonesian locale, so this file registers one as "id"
 * (config.yml sets `locale: id`). Decap merges it over English, so a string
 * added by a later Decap version shows in English until it is added here.
 * Keys follow decap-cms-locales/src/en/index.js of the pinned version.
 * Loaded after decap-cms.js; the configuration is fetched afterwards, so the
 * locale is registered before the interface is drawn.
 *
 * With publish_mode "simple" Decap's "Publish" writes (commits) the file; it
 * is called "Simpan" here, because whether the page appears on the site is
 * decided by the entry's `status` field and the next build.
 */
(function () {
  'use strict';
  if (!window.CMS || typeof window.CMS.registerLocale !== 'function') {
    return;
  }
  window.CMS.registerLocale('id', {
    auth: {
      login: 'Masuk',
      loggingIn: 'Sedang masuk...',
      loginWithNetlifyIdentity: 'Masuk dengan Netlify Identity',
      loginWithAzure: 'Masuk dengan Azure',
      loginWithBitbucket: 'Masuk dengan Bitbucket',
      loginWithGitHub: 'Masuk dengan GitHub',
      loginWithGitLab: 'Masuk dengan GitLab',
      loginWithGitea: 'Masuk dengan Gitea',
      loginWithForgejo: 'Masuk dengan Forgejo',
      errors: {
        email: 'Isi alamat email Anda.',
        password: 'Isi kata sandi Anda.',
        identitySettings: 'Pengaturan identitas tidak dapat dibuka.',
      },
    },
    app: {
      header: {
        content: 'Konten',
        workflow: 'Alur kerja',
        media: 'Media',
        quickAdd: 'Tulis baru',
      },
      app: {
        errorHeader: 'Pengaturan editor web tidak dapat dimuat',
        configErrors: 'Kesalahan pengaturan',
        checkConfigYml: 'Periksa berkas config.yml.',
        loadingConfig: 'Memuat pengaturan...',
        waitingBackend: 'Menunggu layanan penyimpanan...',
      },
      notFoundPage: {
        header: 'Tidak ditemukan',
      },
    },
    collection: {
      sidebar: {
        collections: 'Jenis konten',
        allCollections: 'Semua jenis konten',
        searchAll: 'Cari di semua konten',
        searchIn: 'Cari di',
      },
      collectionTop: {
        sortBy: 'Urutkan',
        viewAs: 'Tampilan',
        viewAsList: 'Tampilkan sebagai daftar',
        viewAsGrid: 'Tampilkan sebagai kisi',
        newButton: '+ %{collectionLabel} baru',
        newButtonAriaLabel: 'Tulis %{collectionLabel} baru',
        ascending: 'Naik',
        descending: 'Turun',
        searchResults: 'Hasil pencarian "%{searchTerm}"',
        searchResultsInCollection: 'Hasil pencarian "%{searchTerm}" di %{collection}',
        filterBy: 'Saring',
        groupBy: 'Kelompokkan',
      },
      entries: {
        loadingEntries: 'Memuat isian...',
        cachingEntries: 'Menyiapkan isian...',
        longerLoading: 'Ini dapat memakan waktu beberapa menit',
        noEntries: 'Belum ada isian',
        unpublishedHeader: 'Isian yang belum terbit',
      },
      groups: {
        other: 'Lainnya',
        negateLabel: 'Bukan %{label}',
      },
      defaultFields: {
        author: {
          label: 'Penulis',
        },
        updatedOn: {
          label: 'Diperbarui',
        },
      },
    },
    editor: {
      editorControl: {
        field: {
          optional: 'tidak wajib',
          widgetLabel: 'kolom %{widgetLabel}',
        },
      },
      editorControlPane: {
        widget: {
          required: '%{fieldLabel} wajib diisi.',
          regexPattern: '%{fieldLabel} tidak sesuai: %{pattern}.',
          processing: '%{fieldLabel} sedang diproses.',
          range: '%{fieldLabel} harus di antara %{minValue} dan %{maxValue}.',
          min: '%{fieldLabel} paling kecil %{minValue}.',
          max: '%{fieldLabel} paling besar %{maxValue}.',
          rangeCount: '%{fieldLabel} harus berisi %{minCount} sampai %{maxCount} isian.',
          rangeCountExact: '%{fieldLabel} harus berisi tepat %{count} isian.',
          rangeMin: '%{fieldLabel} harus berisi paling sedikit %{minCount} isian.',
          rangeMax: '%{fieldLabel} paling banyak berisi %{maxCount} isian.',
          invalidPath: "'%{path}' bukan jalur yang sah",
          pathExists: "Jalur '%{path}' sudah ada",
        },
        i18n: {
          writingInLocale: 'Menulis dalam %{locale}',
          copyFromLocale: 'Salin dari bahasa lain',
          copyFromLocaleConfirm:
            'Salin isi dari bahasa %{locale}?\nSemua isi yang sudah ada akan ditimpa.',
        },
      },
      editor: {
        onLeavePage: 'Yakin ingin meninggalkan halaman ini?',
        onUpdatingWithUnsavedChanges:
          'Ada perubahan yang belum disimpan. Simpan dulu sebelum mengubah status.',
        onPublishingNotReady: 'Ubah status menjadi "Siap" sebelum menerbitkan.',
        onPublishingWithUnsavedChanges:
          'Ada perubahan yang belum disimpan. Simpan dulu sebelum menerbitkan.',
        onPublishing: 'Yakin ingin menerbitkan isian ini?',
        onUnpublishing: 'Yakin ingin membatalkan terbitan isian ini?',
        onDeleteWithUnsavedChanges:
          'Yakin ingin menghapus isian yang sudah terbit ini beserta perubahan yang belum disimpan?',
        onDeletePublishedEntry: 'Yakin ingin menghapus isian yang sudah terbit ini?',
        onDeleteUnpublishedChangesWithUnsavedChanges:
          'Semua perubahan yang belum terbit dan yang belum disimpan akan dihapus. Tetap hapus?',
        onDeleteUnpublishedChanges: 'Semua perubahan yang belum terbit akan dihapus. Tetap hapus?',
        loadingEntry: 'Memuat isian...',
        confirmLoadBackup:
          'Ada cadangan isian ini yang tersimpan di peramban. Pakai cadangan itu?',
      },
      editorInterface: {
        toggleI18n: 'Tampilkan bahasa lain',
        togglePreview: 'Tampilkan pratinjau',
        toggleScrollSync: 'Gulir bersamaan',
        toggleNotes: 'Tampilkan catatan',
      },
      editorNotesPane: {
        title: 'Catatan',
        emptyState: 'Belum ada catatan.',
        addNote: 'Tambah catatan',
        addPlaceholder: 'Tulis catatan...',
        editPlaceholder: 'Ubah catatan...',
        save: 'Simpan',
        cancel: 'Batal',
        edit: 'Ubah',
        delete: 'Hapus',
        resolve: 'Selesai',
        unresolve: 'Buka lagi',
        confirmDelete: 'Yakin ingin menghapus catatan ini?',
        shortcut: 'Kiat: tekan Ctrl+Enter untuk menambah catatan',
      },
      editorToolbar: {
        publishing: 'Menyimpan...',
        publish: 'Simpan',
        published: 'Tersimpan',
        unpublish: 'Batalkan terbitan',
        duplicate: 'Gandakan',
        unpublishing: 'Membatalkan terbitan...',
        publishAndCreateNew: 'Simpan lalu tulis baru',
        publishAndDuplicate: 'Simpan lalu gandakan',
        deleteUnpublishedChanges: 'Hapus perubahan yang belum terbit',
        deleteUnpublishedEntry: 'Hapus isian yang belum terbit',
        deletePublishedEntry: 'Hapus isian yang sudah terbit',
        deleteEntry: 'Hapus isian',
        saving: 'Menyimpan...',
        save: 'Simpan',
        statusInfoTooltipDraft:
          'Isian ini masih draf. Untuk mengajukannya, ubah status menjadi "Diperiksa".',
        statusInfoTooltipInReview:
          'Isian ini sedang diperiksa. Anda tetap dapat mengubahnya selama pemeriksaan.',
        deleting: 'Menghapus...',
        updating: 'Memperbarui...',
        status: 'Status: %{status}',
        backCollection: ' Menulis di %{collectionLabel}',
        unsavedChanges: 'Belum disimpan',
        changesSaved: 'Perubahan tersimpan',
        draft: 'Draf',
        inReview: 'Diperiksa',
        ready: 'Siap',
        publishNow: 'Simpan sekarang',
        deployPreviewPendingButtonLabel: 'Periksa pratinjau',
        deployPreviewButtonLabel: 'Lihat pratinjau',
        deployButtonLabel: 'Lihat di situs',
      },
      editorWidgets: {
        markdown: {
          bold: 'Tebal',
          italic: 'Miring',
          strikethrough: 'Coret',
          code: 'Kode',
          link: 'Tautan',
          linkPrompt: 'Tulis alamat tautan',
          headings: 'Subjudul',
          quote: 'Kutipan',
          bulletedList: 'Daftar berbutir',
          numberedList: 'Daftar bernomor',
          addComponent: 'Sisipkan',
          richText: 'Teks kaya',
          markdown: 'Markdown',
          toggleMode: {
            rich: 'Ganti ke mode teks kaya',
            markdown: 'Ganti ke mode Markdown',
          },
        },
        image: {
          choose: 'Pilih gambar',
          chooseMultiple: 'Pilih gambar',
          chooseUrl: 'Sisipkan dari alamat web',
          replaceUrl: 'Ganti dengan alamat web',
          promptUrl: 'Tulis alamat web gambar',
          chooseDifferent: 'Pilih gambar lain',
          addMore: 'Tambah gambar',
          remove: 'Hapus gambar',
          removeAll: 'Hapus semua gambar',
        },
        file: {
          choose: 'Pilih berkas',
          chooseUrl: 'Sisipkan dari alamat web',
          chooseMultiple: 'Pilih berkas',
          replaceUrl: 'Ganti dengan alamat web',
          promptUrl: 'Tulis alamat web berkas',
          chooseDifferent: 'Pilih berkas lain',
          addMore: 'Tambah berkas',
          remove: 'Hapus berkas',
          removeAll: 'Hapus semua berkas',
        },
        unknownControl: {
          noControl: "Tidak ada isian untuk jenis '%{widget}'.",
        },
        unknownPreview: {
          noPreview: "Tidak ada pratinjau untuk jenis '%{widget}'.",
        },
        headingOptions: {
          headingOne: 'Judul 1',
          headingTwo: 'Subjudul 2',
          headingThree: 'Subjudul 3',
          headingFour: 'Subjudul 4',
          headingFive: 'Subjudul 5',
          headingSix: 'Subjudul 6',
        },
        datetime: {
          now: 'Sekarang',
          clear: 'Kosongkan',
          setToNow: 'Isi %{fieldLabel} dengan waktu sekarang',
        },
        list: {
          add: 'Tambah %{item}',
          addType: 'Tambah %{item}',
        },
        object: {
          expand: 'Buka',
          collapse: 'Tutup',
        },
      },
    },
    mediaLibrary: {
      mediaLibraryCard: {
        draft: 'Draf',
        copy: 'Salin',
        copyUrl: 'Salin alamat',
        copyPath: 'Salin jalur',
        copyName: 'Salin nama',
        copied: 'Tersalin',
      },
      mediaLibrary: {
        onDelete: 'Yakin ingin menghapus media yang dipilih?',
        fileTooLarge: 'Berkas terlalu besar.\nUkuran paling besar %{size} kB.',
      },
      mediaLibraryModal: {
        loading: 'Memuat...',
        close: 'Tutup',
        noResults: 'Tidak ada hasil.',
        noAssetsFound: 'Tidak ada berkas.',
        noImagesFound: 'Tidak ada gambar.',
        private: 'Pribadi ',
        images: 'Gambar',
        mediaAssets: 'Berkas media',
        search: 'Cari...',
        uploading: 'Mengunggah...',
        upload: 'Unggah',
        download: 'Unduh',
        deleting: 'Menghapus...',
        deleteSelected: 'Hapus yang dipilih',
        chooseSelected: 'Pakai yang dipilih',
      },
    },
    ui: {
      default: {
        goBackToSite: 'Kembali ke situs',
      },
      errorBoundary: {
        title: 'Terjadi kesalahan',
        details: 'Terjadi kesalahan. Silakan ',
        reportIt: 'laporkan ke pengelola portal.',
        detailsHeading: 'Rincian',
        privacyWarning:
          'Laporan berisi pesan kesalahan dan data teknis.\nPeriksa isinya dan hapus data pribadi bila ada.',
        recoveredEntry: {
          heading: 'Isian yang diselamatkan',
          warning: 'Salin dan simpan isian ini di tempat lain sebelum meninggalkan halaman!',
          copyButtonLabel: 'Salin ke papan klip',
        },
      },
      settingsDropdown: {
        logOut: 'Keluar',
        account: 'Pilihan akun',
      },
      toast: {
        onFailToLoadEntries: 'Isian gagal dimuat: %{details}',
        onFailToLoadDeployPreview: 'Pratinjau gagal dimuat: %{details}',
        onFailToPersist: 'Isian gagal disimpan: %{details}',
        onFailToDelete: 'Isian gagal dihapus: %{details}',
        onFailToUpdateStatus: 'Status gagal diubah: %{details}',
        missingRequiredField: 'Ada kolom wajib yang belum diisi. Lengkapi dulu sebelum menyimpan.',
        entrySaved: 'Isian tersimpan',
        entryPublished: 'Isian tersimpan',
        entryUnpublished: 'Terbitan isian dibatalkan',
        onFailToPublishEntry: 'Gagal menerbitkan: %{details}',
        onFailToUnpublishEntry: 'Gagal membatalkan terbitan: %{details}',
        entryUpdated: 'Status isian diperbarui',
        onDeleteUnpublishedChanges: 'Perubahan yang belum terbit dihapus',
        noteAdded: 'Catatan ditambahkan',
        onFailToAddNote: 'Catatan gagal ditambahkan: %{details}',
        noteUpdated: 'Catatan diperbarui',
        onFailToUpdateNote: 'Catatan gagal diperbarui: %{details}',
        noteDeleted: 'Catatan dihapus',
        onFailToDeleteNote: 'Catatan gagal dihapus: %{details}',
        noteResolved: 'Catatan selesai',
        noteReopened: 'Catatan dibuka lagi',
        onFailToToggleNote: 'Status catatan gagal diubah: %{details}',
        onFailToAuth: '%{details}',
        onLoggedOut: 'Anda telah keluar. Simpan salinan isian Anda, lalu masuk lagi',
        onBackendDown: 'Layanan penyimpanan sedang terganggu. Lihat %{details}',
      },
    },
    workflow: {
      workflow: {
        loading: 'Memuat alur kerja',
        workflowHeading: 'Alur kerja penyuntingan',
        newPost: 'Tulisan baru',
        description:
          '%{smart_count} isian menunggu diperiksa, %{readyCount} siap terbit. |||| ' +
          '%{smart_count} isian menunggu diperiksa, %{readyCount} siap terbit. ',
        dateFormat: 'D MMMM',
      },
      workflowCard: {
        lastChange: '%{date} oleh %{author}',
        lastChangeNoAuthor: '%{date}',
        lastChangeNoDate: 'oleh %{author}',
        deleteChanges: 'Hapus perubahan',
        deleteNewEntry: 'Hapus isian baru',
        publishChanges: 'Terbitkan perubahan',
        publishNewEntry: 'Terbitkan isian baru',
      },
      workflowList: {
        onDeleteEntry: 'Yakin ingin menghapus isian ini?',
        onPublishingNotReadyEntry:
          'Hanya isian berstatus "Siap" yang dapat diterbitkan. Geser kartunya ke kolom "Siap".',
        onPublishEntry: 'Yakin ingin menerbitkan isian ini?',
        draftHeader: 'Draf',
        inReviewHeader: 'Diperiksa',
        readyHeader: 'Siap',
        currentEntries: '%{smart_count} isian |||| %{smart_count} isian',
      },
    },
  });
})();
