// Entry point kept at dist/cli.js: the composition root lives in app/.
import './app/cli';
