system("convert #{params[:file]} thumb.png")  # expect: DSL001
files = `ls #{dir}`  # expect: DSL001
output = %x(grep #{pattern} app.log)  # expect: DSL001
stdout, status = Open3.capture2("git log #{branch}")  # expect: DSL001
exec "tar czf #{name}.tgz #{name}"  # expect: DSL001
