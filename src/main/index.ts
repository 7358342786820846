import * as electron from 'electron';
import { launchAtlas } from './atlas-main';

launchAtlas(electron);
