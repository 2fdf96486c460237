/**
 * The two astronomical quantities a lunisolar calendar needs: the instant of each new moon and
 * the Sun's apparent longitude. Formulas from Jean Meeus, Astronomical Algorithms (2nd ed.,
 * 1998): new moons from chapter 49 and the Sun from chapter 25 (low accuracy, about 0.01°,
 * which is about 15 minutes of the Sun's motion). Times are Julian Dates in Universal Time.
 */

const RADIANS_PER_DEGREE = Math.PI / 180;
/** Mean synodic month in days. */
export const SYNODIC_MONTH = 29.530588861;
/** Julian Ephemeris Date of the mean new moon of 6 January 2000, lunation 0 in Meeus's count. */
const LUNATION_ZERO = 2451550.09766;
const J2000 = 2451545.0;
const DAYS_PER_CENTURY = 36525;

const sin = (degrees: number) => Math.sin(degrees * RADIANS_PER_DEGREE);

/** Returns the lunation whose new moon falls near a Julian Date, counted from 6 January 2000. */
export function lunationNear(julianDate: number): number {
  return Math.round((julianDate - LUNATION_ZERO) / SYNODIC_MONTH);
}

/** Returns the Julian Date (UT) of the new moon of a lunation. */
export function newMoonJulianDate(lunation: number): number {
  const k = lunation;
  const t = k / 1236.85;
  const t2 = t * t;
  const t3 = t2 * t;
  const t4 = t3 * t;

  const meanPhase = LUNATION_ZERO + SYNODIC_MONTH * k + 0.00015437 * t2 - 0.00000015 * t3 + 0.00000000073 * t4;
  // Eccentricity of the Earth's orbit, which scales the terms that contain the Sun's anomaly.
  const e = 1 - 0.002516 * t - 0.0000074 * t2;
  const sunAnomaly = 2.5534 + 29.1053567 * k - 0.0000014 * t2 - 0.00000011 * t3;
  const moonAnomaly = 201.5643 + 385.81693528 * k + 0.0107582 * t2 + 0.00001238 * t3 - 0.000000058 * t4;
  const latitudeArgument = 160.7108 + 390.67050284 * k - 0.0016118 * t2 - 0.00000227 * t3 + 0.000000011 * t4;
  const ascendingNode = 124.7746 - 1.56375588 * k + 0.0020672 * t2 + 0.00000215 * t3;

  const ephemerisDate = meanPhase
    + periodicCorrection(e, sunAnomaly, moonAnomaly, latitudeArgument, ascendingNode)
    + planetaryCorrection(k, t2);

  return ephemerisDate - deltaTSeconds(2000 + k / 12.3685) / 86400;
}

// Meeus, table on p. 351: the new-moon terms, in days.
function periodicCorrection(e: number, m: number, mp: number, f: number, omega: number): number {
  return -0.4072 * sin(mp)
    + 0.17241 * e * sin(m)
    + 0.01608 * sin(2 * mp)
    + 0.01039 * sin(2 * f)
    + 0.00739 * e * sin(mp - m)
    - 0.00514 * e * sin(mp + m)
    + 0.00208 * e * e * sin(2 * m)
    - 0.00111 * sin(mp - 2 * f)
    - 0.00057 * sin(mp + 2 * f)
    + 0.00056 * e * sin(2 * mp + m)
    - 0.00042 * sin(3 * mp)
    + 0.00042 * e * sin(m + 2 * f)
    + 0.00038 * e * sin(m - 2 * f)
    - 0.00024 * e * sin(2 * mp - m)
    - 0.00017 * sin(omega)
    - 0.00007 * sin(mp + 2 * m)
    + 0.00004 * sin(2 * mp - 2 * f)
    + 0.00004 * sin(3 * m)
    + 0.00003 * sin(mp + m - 2 * f)
    + 0.00003 * sin(2 * mp + 2 * f)
    - 0.00003 * sin(mp + m + 2 * f)
    + 0.00003 * sin(mp - m + 2 * f)
    - 0.00002 * sin(mp - m - 2 * f)
    - 0.00002 * sin(3 * mp + m)
    + 0.00002 * sin(4 * mp);
}

// Meeus p. 351-352: fourteen small terms from the planets, as [amplitude in days, argument in degrees].
function planetaryCorrection(k: number, t2: number): number {
  const terms: [number, number][] = [
    [0.000325, 299.77 + 0.107408 * k - 0.009173 * t2],
    [0.000165, 251.88 + 0.016321 * k],
    [0.000164, 251.83 + 26.651886 * k],
    [0.000126, 349.42 + 36.412478 * k],
    [0.00011, 84.66 + 18.206239 * k],
    [0.000062, 141.74 + 53.303771 * k],
    [0.00006, 207.14 + 2.453732 * k],
    [0.000056, 154.84 + 7.30686 * k],
    [0.000047, 34.52 + 27.261239 * k],
    [0.000042, 207.19 + 0.121824 * k],
    [0.00004, 291.34 + 1.844379 * k],
    [0.000037, 161.72 + 24.198154 * k],
    [0.000035, 239.56 + 25.513099 * k],
    [0.000023, 331.55 + 3.592518 * k],
  ];

  return terms.reduce((sum, [amplitude, argument]) => sum + amplitude * sin(argument), 0);
}

/** Returns the Sun's apparent ecliptic longitude in degrees, 0 ≤ λ < 360, at a Julian Date (UT). */
export function apparentSolarLongitude(julianDate: number): number {
  const year = 2000 + (julianDate - J2000) / 365.25;
  const t = (julianDate + deltaTSeconds(year) / 86400 - J2000) / DAYS_PER_CENTURY;

  const meanLongitude = 280.46646 + 36000.76983 * t + 0.0003032 * t * t;
  const meanAnomaly = 357.52911 + 35999.05029 * t - 0.0001537 * t * t;
  const equationOfCenter = (1.914602 - 0.004817 * t - 0.000014 * t * t) * sin(meanAnomaly)
    + (0.019993 - 0.000101 * t) * sin(2 * meanAnomaly)
    + 0.000289 * sin(3 * meanAnomaly);
  // Nutation and aberration, from the longitude of the Moon's ascending node.
  const ascendingNode = 125.04 - 1934.136 * t;
  const longitude = meanLongitude + equationOfCenter - 0.00569 - 0.00478 * sin(ascendingNode);

  return ((longitude % 360) + 360) % 360;
}

/**
 * Returns ΔT = TT − UT in seconds, from the polynomials of Espenak and Meeus (NASA, Five
 * Millennium Canon of Solar Eclipses) for 1900 to 2150. ΔT is about a minute in these years,
 * so a few seconds of error move no new moon across midnight except in the rarest cases.
 */
export function deltaTSeconds(year: number): number {
  if (year < 1920) {
    const t = year - 1900;
    return -2.79 + 1.494119 * t - 0.0598939 * t ** 2 + 0.0061966 * t ** 3 - 0.000197 * t ** 4;
  }
  if (year < 1941) {
    const t = year - 1920;
    return 21.2 + 0.84493 * t - 0.0761 * t ** 2 + 0.0020936 * t ** 3;
  }
  if (year < 1961) {
    const t = year - 1950;
    return 29.07 + 0.407 * t - t ** 2 / 233 + t ** 3 / 2547;
  }
  if (year < 1986) {
    const t = year - 1975;
    return 45.45 + 1.067 * t - t ** 2 / 260 - t ** 3 / 718;
  }
  if (year < 2005) {
    const t = year - 2000;
    return 63.86 + 0.3345 * t - 0.060374 * t ** 2 + 0.0017275 * t ** 3 + 0.000651814 * t ** 4 + 0.00002373599 * t ** 5;
  }
  if (year < 2050) {
    const t = year - 2000;
    return 62.92 + 0.32217 * t + 0.005589 * t ** 2;
  }

  return -20 + 32 * ((year - 1820) / 100) ** 2 - 0.5628 * (2150 - year);
}
