/**
 * How the gland is drawn compared with its true size, shared by the app's view, the selection
 * sleeve and the glTF export so all three show the same thing. Alveoli and fine ducts are tiny at
 * breast scale; they are drawn a little larger so they can be seen and picked.
 */
export const ALVEOLUS_SCALE = 1.6;
/** Thinnest duct drawn (cm). */
export const MIN_DUCT_RADIUS = 0.035;
/** Montgomery glands drawn as bumps of this radius (cm). */
export const MONTGOMERY_RADIUS = 0.12;
/** The areola disc floats this far above the skin (cm) so it never flickers into it. */
export const AREOLA_LIFT = 0.02;
/**
 * Radius of the pore drawn where a duct opens on the nipple (cm). True orifices are about half a
 * millimetre across; drawn larger so a class can see them.
 */
export const NIPPLE_PORE_RADIUS = 0.065;
