"""Original fictional articles of the Lai Châu Ban Dân vận sample site (wp_bdv).

Each article: id, slug, date, title, cats, tags, paras (body paragraphs, in order; "IMG:n" marks
where photo n goes), photos [(file, caption)], credit (printed line), byline, source.
"""

ARTICLES = [
    dict(
        id=1287, slug="ky-niem-90-nam-ngay-truyen-thong-cong-tac-dan-van-cua-dang",
        date="2020-10-14 08:30:00", modified="2020-10-15 09:02:11",
        title="KỶ NIỆM 90 NĂM NGÀY TRUYỀN THỐNG CÔNG TÁC DÂN VẬN CỦA ĐẢNG",
        cats=["tin-tuc", "dan-van-kheo"], tags=["dan-van-kheo", "ky-niem"],
        paras=[
            "Sáng 13/10, Ban Dân vận Tỉnh ủy Lai Châu tổ chức Lễ kỷ niệm 90 năm Ngày truyền thống công tác dân vận của Đảng (15/10/1930 – 15/10/2020) và 21 năm Ngày “Dân vận” của cả nước. Buổi lễ được tổ chức trang trọng tại Hội trường Tỉnh ủy.",
            "Dự buổi lễ có các đồng chí trong Ban Thường vụ Tỉnh ủy, lãnh đạo Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh, các đoàn thể chính trị – xã hội cùng đông đảo cán bộ từng làm công tác dân vận qua các thời kỳ.",
            "IMG:1",
            "Diễn văn kỷ niệm ôn lại chặng đường chín mươi năm xây dựng và trưởng thành của ngành dân vận, từ những ngày đầu vận động quần chúng trong phong trào cách mạng đến công cuộc đổi mới hôm nay. Trên địa bàn tỉnh vùng cao biên giới, công tác dân vận đã góp phần quan trọng củng cố khối đại đoàn kết các dân tộc, giữ vững an ninh chính trị và trật tự an toàn xã hội.",
            "Trong giai đoạn 2015 – 2020, phong trào thi đua “Dân vận khéo” được triển khai sâu rộng ở cả bốn lĩnh vực kinh tế, văn hóa – xã hội, quốc phòng – an ninh và xây dựng hệ thống chính trị. Toàn tỉnh có hơn một nghìn hai trăm mô hình được công nhận ở các cấp, nhiều cách làm hay trong phát triển sản xuất, giữ gìn bản sắc văn hóa của đồng bào Mông, Dao, Thái, Hà Nhì đã được nhân rộng.",
            "IMG:2",
            "Phát biểu tại buổi lễ, đồng chí Phó Bí thư Thường trực Tỉnh ủy ghi nhận những đóng góp bền bỉ của đội ngũ cán bộ dân vận, nhất là ở các bản vùng sâu, vùng xa. Đồng chí đề nghị các cấp ủy tiếp tục đổi mới nội dung, phương thức vận động nhân dân theo tinh thần gần dân, trọng dân, hiểu dân, học dân và có trách nhiệm với dân.",
            "Nhân dịp này, 25 đồng chí được trao Kỷ niệm chương “Vì sự nghiệp Dân vận”. Ban Thường vụ Tỉnh ủy tặng Bằng khen cho 12 tập thể và 30 cá nhân có thành tích xuất sắc trong phong trào thi đua “Dân vận khéo” giai đoạn 2015 – 2020.",
        ],
        photos=[
            ("ky-niem-90-nam-dan-van-1.jpg", "Các đại biểu dự Lễ kỷ niệm 90 năm Ngày truyền thống công tác dân vận của Đảng. Ảnh: Minh Hưng"),
            ("ky-niem-90-nam-dan-van-2.jpg", "Lãnh đạo Ban Dân vận Tỉnh ủy trao Kỷ niệm chương “Vì sự nghiệp Dân vận” cho các cá nhân. Ảnh: Minh Hưng"),
        ],
        credit="Tin, ảnh: Minh Hưng", byline="Minh Hưng", source=None,
    ),
    dict(
        id=1279, slug="giam-sat-thuc-hien-quy-che-dan-chu-o-co-so-tai-than-uyen",
        date="2020-10-12 09:40:00", modified="2020-10-12 09:40:00",
        title="Giám sát việc thực hiện quy chế dân chủ ở cơ sở tại huyện Than Uyên",
        cats=["tin-tuc"], tags=["quy-che-dan-chu"],
        paras=[
            "Ngày 9/10, đoàn giám sát của Ban Dân vận Tỉnh ủy do đồng chí Phó Trưởng ban làm trưởng đoàn đã làm việc với Ban Thường vụ Huyện ủy Than Uyên về việc thực hiện quy chế dân chủ ở cơ sở.",
            "Báo cáo của huyện cho biết, những năm qua các xã, thị trấn đã công khai đầy đủ các nội dung dân biết, dân bàn, dân làm, dân kiểm tra, dân giám sát và dân thụ hưởng. Việc lấy ý kiến nhân dân về quy hoạch khu dân cư, đóng góp xây dựng đường giao thông nông thôn được thực hiện qua các cuộc họp bản.",
            "Qua giám sát, đoàn chỉ ra một số hạn chế như hoạt động của ban thanh tra nhân dân ở vài xã còn hình thức, việc tiếp công dân định kỳ chưa được ghi chép đầy đủ.",
            "Kết luận buổi làm việc, trưởng đoàn đề nghị huyện chỉ đạo các xã kiện toàn ban thanh tra nhân dân, ban giám sát đầu tư của cộng đồng. Huyện cần tổ chức tốt hội nghị đối thoại giữa người đứng đầu cấp ủy, chính quyền với nhân dân ngay trong quý IV.",
        ],
        photos=[], credit="LÒ THỊ HOA", byline="LÒ THỊ HOA", source=None,
    ),
    dict(
        id=1270, slug="chung-tay-xay-dung-nong-thon-moi-tai-sin-ho",
        date="2020-10-08 16:45:00", modified="2020-10-09 07:30:00",
        title="Mặt trận và các đoàn thể chung tay xây dựng nông thôn mới tại Sìn Hồ",
        cats=["tin-tuc", "dan-van-kheo"], tags=["nong-thon-moi", "dan-van-kheo"],
        paras=[
            "Những năm gần đây, Ủy ban Mặt trận Tổ quốc và các đoàn thể huyện Sìn Hồ đã vận động đoàn viên, hội viên hiến đất, góp ngày công làm đường bê tông nội đồng, xây nhà văn hóa bản. Nhờ vậy, diện mạo nhiều bản vùng cao đã đổi thay rõ rệt.",
            "Tại xã Tả Phìn, gần bốn trăm hộ dân đã tự nguyện hiến hơn 6.000 mét vuông đất để mở rộng đường liên bản. Ông Giàng A Sử, trưởng bản Tả Phìn, kể rằng bà con bàn bạc công khai trong các buổi họp bản nên ai cũng đồng lòng.",
            "IMG:1",
            "Hội Liên hiệp Phụ nữ huyện duy trì mô hình “Nhà sạch, vườn đẹp” với hàng trăm hộ tham gia, góp phần giữ gìn vệ sinh môi trường. Đoàn Thanh niên tổ chức các đợt ra quân tình nguyện vào cuối tuần để trồng cây, làm hàng rào xanh.",
            "Đến nay, huyện Sìn Hồ có thêm hai xã đạt chuẩn nông thôn mới, bình quân mỗi xã đạt trên mười hai tiêu chí. Thời gian tới, Mặt trận và các đoàn thể tiếp tục phát huy vai trò giám sát, phản biện xã hội để các công trình được triển khai đúng tiến độ, chất lượng.",
        ],
        photos=[("sin-ho-nong-thon-moi.jpg", "Người dân xã Tả Phìn góp ngày công làm đường bê tông liên bản. Ảnh: Đức Thịnh")],
        credit="Tin, ảnh: Đức Thịnh", byline="Đức Thịnh", source=None,
    ),
    dict(
        id=1264, slug="hoi-nghi-giao-ban-cong-tac-dan-van-quy-iii-nam-2020",
        date="2020-10-02 15:10:00", modified="2020-10-02 15:10:00",
        title="Hội nghị giao ban công tác dân vận quý III năm 2020",
        cats=["tin-tuc"], tags=["giao-ban"],
        paras=[
            "Chiều 1/10, Ban Dân vận Tỉnh ủy tổ chức hội nghị giao ban công tác dân vận quý III, triển khai nhiệm vụ quý IV năm 2020. Hội nghị được kết nối trực tuyến tới điểm cầu các huyện ủy, thành ủy.",
            "Trong quý III, khối dân vận các cấp đã tập trung tuyên truyền, vận động nhân dân tham gia phòng, chống dịch Covid-19, khắc phục hậu quả mưa lũ và chuẩn bị tốt cho đại hội đảng bộ các cấp. Công tác nắm tình hình nhân dân được duy trì thường xuyên, kịp thời phản ánh tâm tư, nguyện vọng chính đáng tới cấp ủy.",
            "Các đại biểu đã thảo luận về khó khăn trong việc vận động đồng bào không nghe theo kẻ xấu tuyên truyền đạo trái pháp luật, việc di dân tự do và bảo vệ rừng đầu nguồn.",
            "Kết luận hội nghị, đồng chí Trưởng Ban Dân vận Tỉnh ủy yêu cầu các địa phương bám sát cơ sở, tăng cường đối thoại với nhân dân. Các ngành cần chuẩn bị chu đáo các hoạt động hướng tới kỷ niệm Ngày truyền thống công tác dân vận của Đảng.",
        ],
        photos=[], credit="Quang Minh (Văn phòng Ban)", byline="Quang Minh (Văn phòng Ban)", source=None,
    ),
    dict(
        id=1241, slug="lan-toa-phong-trao-dan-van-kheo-o-tam-duong",
        date="2020-09-25 09:05:00", modified="2020-09-25 10:11:00",
        title="Lan tỏa phong trào “Dân vận khéo” ở Tam Đường",
        cats=["tin-tuc", "dan-van-kheo"], tags=["dan-van-kheo", "nong-thon-moi"],
        paras=[
            "Xác định phong trào thi đua “Dân vận khéo” là giải pháp quan trọng để thực hiện thắng lợi nhiệm vụ chính trị, Huyện ủy Tam Đường đã chỉ đạo mỗi cơ quan, đơn vị đăng ký ít nhất một mô hình cụ thể ngay từ đầu năm.",
            "Ở xã Bản Bo, mô hình trồng chè theo hướng hữu cơ do Hội Nông dân xã vận động đã giúp nhiều hộ có thu nhập ổn định. Bà Lò Thị Xiêng, một hộ tham gia mô hình, cho biết mỗi năm gia đình thu hoạch được hơn bốn tấn chè búp tươi.",
            "Lực lượng công an, quân sự xã cũng tích cực tham gia với mô hình “Bản không có tội phạm và tệ nạn xã hội”. Cán bộ chiến sĩ thường xuyên đến từng nhà tuyên truyền pháp luật bằng tiếng dân tộc.",
            "IMG:1",
            "Tính đến tháng 9, toàn huyện có 86 mô hình “Dân vận khéo” được công nhận, trong đó nhiều mô hình đã được nhân rộng ra các xã lân cận. Huyện ủy Tam Đường xác định tiếp tục đưa phong trào đi vào chiều sâu, gắn với thực hiện Chỉ thị 05 của Bộ Chính trị.",
        ],
        photos=[("tam-duong-che-huu-co.jpg", "Hội viên nông dân xã Bản Bo chăm sóc chè hữu cơ. Ảnh: Văn Tuấn")],
        credit="Tin: Ngọc Anh; Ảnh: Văn Tuấn", byline="Ngọc Anh, Văn Tuấn", source=None,
    ),
    dict(
        id=1230, slug="toa-dam-phat-huy-vai-tro-nguoi-co-uy-tin",
        date="2020-09-18 10:20:00", modified="2020-09-18 10:20:00",
        title="Tọa đàm phát huy vai trò người có uy tín trong đồng bào dân tộc thiểu số",
        cats=["dan-van-kheo"], tags=["nguoi-co-uy-tin"],
        paras=[
            "Ngày 17/9, Ban Dân vận Tỉnh ủy phối hợp với Ban Dân tộc tỉnh tổ chức tọa đàm về phát huy vai trò người có uy tín trong đồng bào dân tộc thiểu số. Tham dự có hơn tám mươi già làng, trưởng bản, thầy mo và người có uy tín đến từ tám huyện, thành phố.",
            "Các ý kiến tại tọa đàm khẳng định người có uy tín là cầu nối quan trọng giữa cấp ủy, chính quyền với nhân dân. Nhiều trưởng bản đã đi đầu trong hòa giải mâu thuẫn, vận động con em đến trường và xóa bỏ hủ tục trong cưới hỏi, ma chay.",
            "Ông Chẻo A Lỷ, người có uy tín ở huyện Mường Tè, chia sẻ kinh nghiệm dùng lời nói gần gũi với phong tục của người Hà Nhì để thuyết phục bà con không phá rừng làm nương.",
            "Kết thúc tọa đàm, ban tổ chức đề nghị các địa phương quan tâm hơn nữa chế độ, chính sách đối với người có uy tín. Việc cung cấp thông tin, bồi dưỡng kỹ năng vận động quần chúng cho đội ngũ này cần được thực hiện thường xuyên.",
        ],
        photos=[], credit="Minh Lý – Giàng A Tủa", byline="Minh Lý – Giàng A Tủa", source=None,
    ),
    dict(
        id=1199, slug="tap-huan-nghiep-vu-cong-tac-dan-van-nam-2020",
        date="2020-08-12 08:00:00", modified="2020-08-12 08:00:00",
        title="Tập huấn nghiệp vụ công tác dân vận năm 2020",
        cats=["tin-tuc"], tags=["tap-huan"],
        paras=[
            "Trong hai ngày 10 và 11/8, Ban Dân vận Tỉnh ủy mở lớp tập huấn nghiệp vụ công tác dân vận cho hơn 150 học viên là cán bộ làm công tác dân vận ở các huyện, thành phố và xã, phường, thị trấn.",
            "Các học viên được nghe giới thiệu những văn bản mới của Trung ương và của tỉnh về công tác dân vận, kỹ năng nắm tình hình nhân dân và kỹ năng giải quyết các vụ việc phức tạp nảy sinh ở cơ sở. Báo cáo viên cũng hướng dẫn cách xây dựng, đánh giá và nhân rộng mô hình “Dân vận khéo”.",
            "Nhiều học viên đánh giá nội dung tập huấn sát thực tế, giúp họ tự tin hơn khi tiếp xúc, đối thoại với người dân. Lớp học cũng dành thời gian để các địa phương trao đổi kinh nghiệm vận động đồng bào thực hiện chính sách di dân tái định cư.",
        ],
        photos=[], credit="Bài, ảnh: Thanh Xuân, Văn Long", byline="Thanh Xuân, Văn Long", source=None,
    ),
    dict(
        id=1178, slug="tham-tang-qua-gia-dinh-chinh-sach-o-phong-tho",
        date="2020-07-24 14:00:00", modified="2020-07-24 14:00:00",
        title="Thăm, tặng quà gia đình chính sách tại huyện Phong Thổ",
        cats=["tin-tuc"], tags=["an-sinh"],
        paras=[
            "Nhân dịp kỷ niệm 73 năm Ngày Thương binh – Liệt sĩ, đoàn công tác của Ban Dân vận Tỉnh ủy đã đến thăm, tặng quà các gia đình chính sách tại xã Mường So và thị trấn Phong Thổ.",
            "Tại các gia đình, đoàn ân cần hỏi thăm sức khỏe, đời sống và bày tỏ lòng biết ơn đối với những hy sinh, cống hiến của các thương binh, thân nhân liệt sĩ. Mỗi suất quà trị giá năm trăm nghìn đồng cùng nhiều nhu yếu phẩm.",
            "Ông Tao Văn Thanh, thương binh hạng 2/4 ở bản Khổng Khoang, xúc động cảm ơn sự quan tâm của cấp ủy, chính quyền. Ông hứa sẽ tiếp tục gương mẫu, động viên con cháu chấp hành tốt chủ trương, chính sách của Đảng và pháp luật của Nhà nước.",
        ],
        photos=[], credit="Tin, ảnh:\u00a0Hoàng Yến", byline="Hoàng Yến", source=None,
    ),
]

CATEGORIES = {
    "tin-tuc": "Tin tức",
    "dan-van-kheo": "Dân vận khéo",
}

TAGS = {
    "dan-van-kheo": "dân vận khéo",
    "nong-thon-moi": "nông thôn mới",
    "ky-niem": "kỷ niệm",
    "quy-che-dan-chu": "quy chế dân chủ",
    "giao-ban": "giao ban",
    "nguoi-co-uy-tin": "người có uy tín",
    "tap-huan": "tập huấn",
    "an-sinh": "an sinh xã hội",
}
# only these tag pages exist as files; other tag links are 404 traps? No: all tag links point to these.
TAG_PAGES = ["dan-van-kheo", "nong-thon-moi"]

COMMENTS = {
    1287: [
        dict(id=38, name="Lò Văn Tiến", date="2020-10-15 07:12:33", text="Xin chúc mừng những người làm công tác dân vận của tỉnh nhà nhân ngày truyền thống!", parent=None),
        dict(id=41, name="Hà Thị Mai", date="2020-10-16 20:45:09", text="Cảm ơn bạn đã chia sẻ, mong Ban tiếp tục đưa nhiều tin về các mô hình ở cơ sở.", parent=38),
    ],
    1270: [
        dict(id=35, name="Giàng Thị Dua", date="2020-10-10 18:03:51", text="Đường về bản em giờ đã được đổ bê tông, đi lại thuận tiện lắm ạ.", parent=None),
    ],
}
