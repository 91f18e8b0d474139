// Entry point kept at dist/main.js (npm start, Docker, scripts): the composition root lives in app/.
import './app/main';
