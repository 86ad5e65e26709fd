def log = new File(basedir, 'build.log').text
assert log.contains("parameter numberType has the value 'FLOAT'; accepted: BIG_DECIMAL, DOUBLE")
return true
