def log = new File(basedir, 'build.log').text
assert log.contains('customer: opened proposal for customer@1.1')
assert log.contains("  waits for an owner of entity 'customer'")
assert log.contains('customer: already open proposal for customer@1.1')
assert log.contains('order: unchanged (same content as order@1.0), nothing to propose')
return true
