// Puppeteer (a dependency of Ace by DAISY) would download a Chrome of its own
// when installed; the tests use Debian's chromium instead (scripts/install-deps.sh).
module.exports = { skipDownload: true, executablePath: '/usr/bin/chromium' };
