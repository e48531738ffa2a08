// `npm run demo`: placeholder until the scripted scene lands.
console.log('demo: not yet');
