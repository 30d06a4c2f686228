/**
 * The SHA-256 of every landed migration's text. A database that applied a migration keeps what
 * that text did, so a landed migration never changes (issue 10; STYLE.md "forward-only"): a change
 * to one fails migrations.test.ts, and so does a migration missing here. Adding a migration means
 * adding its line (the test prints it); changing a landed one means writing a new migration.
 */
export const LANDED_MIGRATIONS: Readonly<Record<string, string>> = {
  '0000_create-core-tables': 'a7b34b12b49fb930ccc5515b133a5e3f6431963f24bd8c1423b99f00a2ec37a2',
  '0001_enable-jurisdiction-scoping-and-audit-chain':
    'da8e1725db0040a0f7d71f0a69edee977cc34fae21fc42ef51c33c37aae80271',
  '0002_add-quality-issues-and-totp-step': 'a2b7d0f6f373bdc0c598d55c58840c74d275d266155bfb1f1e0d0a72702cbaa8',
  '0003_add-benefit-tables': '3634798c9500a56aa1fec7e8bcd6f598e6e607c7114b45249e4a7f5930beae1f',
  '0004_enable-benefit-scoping': '0d4292925014aefd9bdebe47cd75f1a6c3d77f212f3cbd3d120c3bec98f0f307',
  '0005_add-applications-and-payment-files': '6bc461a23d0076e2a61cd2c55edaf0435e64264af3655fb450e0f7e3870aecf4',
  '0006_enable-application-scoping': '6cd09642d877fb84e43cd8af08e0ec7aae493b8c685e9ac5cbe15bf003935472',
  '0007_add-payment-batch-rounds': '353cde955ecf8f2d7187b14fa3b0233c7d8ba7d3bff4b50324ea63d82a408d14',
  '0008_add-payment-recipients-function': 'e95d0b706c9c07eea66e821c4a3a073dc502213bd332b134b15bf3a71b970ca7',
  '0009_add-decider-name': '1ef6bf3f6e893fecb22da0d36283e3e33a11424e769692b58190aee05c6ee91b',
  '0010_add-family-service-tables': 'ffbed99331bffc896c9704db5620539020861fb65c18f5d9ec32e4ee1efed2c1',
  '0011_enable-family-service-scoping': '4e5f8578bbe74919a79c147e4fff4f31d87b472e13f854cb8bba2ca86b9d175c',
  '0012_add-bundle-phones-and-existing-newborn-id': '08b09253b05c159cc09bb9d061f0bb6529b501f9d4f534f79c9258a692241fa1',
  '0013_add-history-and-father-indexes': '8ed89fa4491015cf624db49c7196b1da2e28c788e31ed666254777ced17dac9b',
  '0014_restrict-family-definer-functions': 'bdf994a03143d14ea0b5c591d475590476742032c6afd0186a8750fa7f7179de',
  '0015_add-notification-claims': '6b2d2530df464d1293124dfaf1a28c4854bab5725cca43cd6fc2cda8829247bc',
  '0016_add-family-definer-functions': '77b3ef864a8c05f092e18babb927926aaf0d0d337fc33c29dd013516fbc43405',
  '0017_cache-family-definer-plans': 'e456478a797fd68fcfeca6ddccb820bf698ac0109822887dd0c70d31e40f29c2',
  // As it stands on main since ca35a2d, which renamed its function in place after it landed
  // (884d9a4); 0019 brings databases of either text to the same function.
  '0018_add-registration-context': '0b550b8ee411f1a82444cee8aaefdc34e93f5417e0e18eec36221e383d5917aa',
  '0019_rename-registration-context': '116d8b850fff4753986398a70082774a9d30dd2cd7cba1752121ff2328827feb',
  '0020_add-job-queue': 'dbdb596cab29fad15097cafd5b61b2ae746aaa565224b216e90be4eea9890e06',
  '0021_add-audit-anchors': '17b9a079cb363fad5c26614c9b51263dc35daa02d1ed65fd466ca6f82876d561',
  '0022_add-sign-in-failures': 'f5d8306b48a4460a244aadcaf15696922a9785af08a06cd9860cf4484f05f2f0',
  '0023_add-batch-review': '5a50fd541b45654a828f0bb6bccb2eac192d5b9f3dc699b194a6ce958ca0e4db',
  '0024_enforce-batch-review': 'e2dfe0d3f65de7b7e0c522e1ae729f5523a76b024f73e462559f6323c11043ab',
  '0025_add-scheme-take-up-rates': '0b64401170b7f87dd170873d5b07106c75a1c36942880a18ae6e06b44dd4c8ac',
  '0026_add-life-events': '15c4aa947e068e048bb5009533a292784375ae841ed54cb71d68c584f0ab936c',
  '0027_add-reported-values': '38513b5b6da1f96b67ae5ff3c3ff3cc5765dbea09b80b91fb4c73b4c5cad99d2',
  '0028_add-life-event-imports': '584740278def01256e42a8079361be16388bd2737a4fce762a305c8bde8ca6eb',
  '0029_add-plans-and-warnings': 'b2f10530775e6b3077cef21adfd41328d313f2bbeb49f5531ee3c3cc4402d1c5',
  '0030_add-monitoring-counts': '6cf05d0e2f6fc2574d7dd02082559b94777322468499bb94d96c3b4e1d9de492',
  '0031_defer-counts-for-imports': 'fbc6c9c5f1648ff093ed1856c0b3ac060382c38e4404578bc7a9e9dbaf710855',
  '0032_add-special-families': 'deef22d20c551c9568cdafb416358878a2f7257c6732199c0387e3a644ec2523',
  '0033_add-childcare-institutions': '506df69ea9bb756f54eb4de7bc4793c5551b7e75cd77e96ba515da9ec7635c8d',
  '0034_add-childcare-supervision': '127f5bc936f6cad8fe2394a3f1312bcc4afb17ad9ab8d881b900b874a6a77625',
  '0035_add-institution-payments': '1edec3e18e3de9ca6492ed18147b02cf32657fc3c5bf48346b8daff8a560809a',
  '0036_add-plan-supervision': '8b484dacad1e5c4effbabb8520a1da321c84317cba34ff9a6fc7afa1b74afff5',
  '0037_add-annual-reports-and-self-evaluation': '646de70d898d655e50ebcef635ef23476d9dea951bf906c25f1c9946d60bf057',
  '0038_roster-names-beneficiary-kind': 'b547c2cb1d0ed97afc9b7d11cd3a6b4cd3a9577bc131af0ac9c06b3e61d43f82',
};

/**
 * Texts some databases applied in place of a landed migration (a landed file edited later), kept
 * in migration-variants/ so the upgrade test can prove those databases converge too.
 */
export const MIGRATION_VARIANTS: readonly { tag: string; file: string; why: string }[] = [
  {
    tag: '0018_add-registration-context',
    file: '0018_add-registration-context.landed-884d9a4.sql',
    why: '0018 as it landed at 884d9a4 created cradle_registration_context; ca35a2d renamed it in place',
  },
];

/**
 * How many migrations a database had at each landing (the commit CI passed on; see `issues stops`).
 * A database deployed at one of them upgrades from there: the upgrade test starts at each.
 */
export const LANDED_POINTS: readonly { commit: string; migrations: number }[] = [
  { commit: '069c671', migrations: 3 },
  { commit: 'd7c7e4c', migrations: 10 },
  { commit: 'f1e7175', migrations: 17 },
  { commit: '884d9a4', migrations: 19 },
];
