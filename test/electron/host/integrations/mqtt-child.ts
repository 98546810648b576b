/** A publisher in its own process, for the last-will test: prints "connected", then waits to be killed. */
import { startMqtt } from '../../../../electron/host/integrations/mqtt.ts';

const url = process.argv[2] ?? '';
startMqtt(
  { url, baseTopic: 'luxp1', discovery: false, discoveryPrefix: 'homeassistant' },
  {
    log: () => {},
    now: () => 0,
    onStatus: (s) => {
      if (s.state === 'connected') process.stdout.write('connected\n');
    },
  },
);
