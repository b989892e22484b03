-- external: daily weather summary per location, as used as a model feature.

CREATE VIEW external.daily_weather AS
SELECT location_code,
       (observed_at AT TIME ZONE 'UTC')::date AS day,
       min(temperature_c) AS min_temperature_c,
       max(temperature_c) AS max_temperature_c,
       round(avg(temperature_c), 1) AS avg_temperature_c,
       sum(precipitation_mm) AS precipitation_mm,
       bool_or(condition IN ('rain', 'snow', 'storm')) AS had_bad_weather
FROM external.weather_observations
WHERE NOT is_forecast
GROUP BY location_code, (observed_at AT TIME ZONE 'UTC')::date;
