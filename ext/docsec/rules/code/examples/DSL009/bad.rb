users = doc.xpath("//user[@name='#{params[:name]}']")  # expect: DSL009
