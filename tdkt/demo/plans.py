"""The demo's plan: Quận Đống Đa's plan of emulation and commendation work for 2025 (the seed's "Kế hoạch công tác thi đua,
khen thưởng năm 2025", ../shared/seed), entered as data through the plans services, so that

    tdkt plans document --unit quan_dong_da --year 2025 --out ke-hoach.docx

gives the seed's plan back, without its slips: the district's name is "Đống Đa" everywhere (the seed also writes "Đông
Đa"), the plan calls itself the 2025 plan (the seed: "năm 2024"), the units report by 15/01/2026 (the seed: 15/01/2024,
before the plan's year), the last part is numbered IV. (the seed numbers two parts III.; here every number is
generated from the order), and a few typing slips ("diễn hình", "các văn hướng dẫn") are corrected. The seed names its
two appendices without their content; the key tasks and the council's programme below are drawn from its text.
The plan is issued on 20/12/2024, after the city's plan it implements (Kế hoạch số 357/KH-UBND ngày 09/12/2024).
"""

from __future__ import annotations

import datetime as dt

from tdkt.org.models import Unit
from tdkt.plans import services
from tdkt.plans.models import CouncilItemKind

UNIT = "quan_dong_da"
YEAR = 2025
NUMBER = 412
ISSUED_ON = dt.date(2024, 12, 20)
SIGNER = ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Lê Tuấn Định")

PREAMBLE = ('Năm 2025 là năm diễn ra nhiều ngày lễ lớn của đất nước và của Thủ đô Hà Nội: Kỷ niệm 95 năm ngày thành lập Đảng (3/2/1930 '
 '- 3/2/2025); 80 năm Ngày thành lập nước Việt Nam Dân chủ Cộng hòa, nay là nước Cộng hòa xã hội chủ nghĩa Việt Nam '
 '(2/9/1945 - 2/9/2025); 50 năm Ngày giải phóng miền Nam, thống nhất đất nước (30/4/1975 - 30/4/2025); 135 năm ngày sinh '
 'của Chủ tịch Hồ Chí Minh (19/5/1890 - 19/5/2025); 80 năm ngày truyền thống Công an nhân dân Việt Nam (19/8/1945 - '
 '19/8/2025) và 20 năm Ngày hội Toàn dân bảo vệ an ninh Tổ quốc (19/8/2005 - 19/8/2025). Là năm diễn ra đại hội đảng các '
 'cấp, Đại hội đại biểu lần thứ XVIII Đảng bộ thành phố Hà Nội, tiến tới đại hội đại biểu toàn quốc lần thứ XIV của Đảng '
 'Cộng sản Việt Nam; hội nghị điển hình tiên tiến các cấp, Đại hội thi đua yêu nước Thành phố giai đoạn 2025-2030 và Đại '
 'hội thi đua yêu nước toàn quốc lần thứ XI.\n'
 'Thực hiện Kế hoạch số 357/KH-UBND ngày 09/12/2024 của Ủy ban nhân dân Thành phố về công tác thi đua, khen thưởng năm '
 '2025; Phát huy kết quả đạt được trong công tác thi đua, khen thưởng năm 2024; nhằm thực hiện thắng lợi các mục tiêu, '
 'nhiệm vụ đề ra; UBND quận Đống Đa ban hành Kế hoạch công tác thi đua, khen thưởng năm 2025, cụ thể như sau:')

CLOSING = ('UBND Quận đề nghị các cụm, khối thi đua thuộc Quận, các đơn vị thuộc Quận xây dựng kế hoạch và tổ chức triển khai thực '
 'hiện nghiêm túc các nội dung nhiệm vụ công tác thi đua, khen thưởng năm 2025; báo cáo kết quả thực hiện về UBND Quận (qua '
 'phòng Nội vụ - cơ quan Thường trực Hội đồng Thi đua – Khen thưởng Quận) trước ngày 15/01/2026. Trong quá trình thực hiện, '
 'nếu có vấn đề phát sinh đề nghị phản ánh với phòng Nội vụ để tổng hợp, báo cáo UBND Quận.')

RECEIVERS = ['- UBND Thành phố;',
 '- Hội đồng TĐKT Thành phố;',
 '- Sở Nội vụ;',
 '- Ban TĐKT thành phố;',
 '- TT Quận uỷ;',
 '- TT HĐND Quận;',
 '- Các Phó Chủ tịch UBND Quận;',
 '- Các UV UBND Quận;',
 '- Thành viên Hội đồng TĐKT Quận;',
 '- Các Cụm, khối thi đua thuộc Thành phố;',
 '- UB MTTQ và các Đoàn thể Quận;',
 '- Các phòng, ban, đơn vị thuộc UBND Quận;',
 '- Đảng uỷ, HĐND-UBND các phường;',
 '- Lưu: VT, Nội vụ.']

# (title, body, children): the numbers are generated from the order
SECTIONS = [('MỤC ĐÍCH, YÊU CẦU',
  '',
  [('Mục đích',
    '- Phát động và triển khai phong trào thi đua yêu nước trên tất cả các lĩnh vực nhằm thực hiện thắng lợi các nhiệm vụ '
    'chính trị, các chỉ tiêu phát triển kinh tế - xã hội năm 2025 và các mục tiêu, chỉ tiêu Nghị quyết Đại hội đại biểu lần '
    'thứ XXVIII (nhiệm kỳ 2020-2025) Đảng bộ quận Đống Đa; thiết thực lập thành tích chào mừng kỷ niệm các ngày lễ lớn của '
    'Thủ đô và đất nước, hướng tới Đại hội đại biểu lần thứ XXIX Đảng bộ quận Đống Đa, Đại hội đại biểu lần thứ XVIII Đảng '
    'bộ thành phố Hà Nội, đại hội đại biểu toàn quốc lần thứ XIV của Đảng Cộng sản Việt Nam và Đại hội thi đua yêu nước '
    'toàn quốc lần thứ XI.\n'
    '- Thực hiện tốt các quy định của pháp luật về thi đua, khen thưởng; nâng cao chất lượng công tác khen thưởng, đảm bảo '
    'khen thưởng thực chất, động viên, tôn vinh kịp thời các gương điển hình tiên tiến, người tốt, việc tốt trong các phong '
    'trào thi đua yêu nước.',
    []),
   ('Yêu cầu',
    '- Việc tổ chức các phong trào thi đua yêu nước và thực hiện công tác khen thưởng phải phù hợp với thực tiễn, bám sát '
    'chỉ đạo của Trung ương và yêu cầu nhiệm vụ của Thành phố, của từng ngành, từng đơn vị và của Quận Đống Đa; gắn trách '
    'nhiệm của người đứng đầu trong chủ trì tổ chức, triển khai thực hiện.\n'
    '- Các nhiệm vụ và giải pháp đề ra phải nhằm từng bước khắc phục những tồn tại, hạn chế, tiếp tục đổi mới và nâng cao '
    'chất lượng, hiệu quả công tác thi đua, khen thưởng trên địa bàn Quận.',
    [])]),
 ('NỘI DUNG NHIỆM VỤ',
  '',
  [('',
    'Phát động và tổ chức thực hiện tốt các phong trào thi đua thực hiện các nhiệm vụ chính trị, các mục tiêu, chỉ tiêu '
    'phát triển kinh tế - xã hội, quốc phòng - an ninh của Quận. Thực hiện có hiệu quả các phong trào thi đua, các cuộc vận '
    'động do Trung ương, Thành phố, Quận phát động; xây dựng kế hoạch và triển khai các phong trào thi đua riêng, đặc thù '
    'để giải quyết khâu yếu, việc khó và các nhiệm vụ trọng tâm của đơn vị nói riêng, Quận nói chung.',
    []),
   ('',
    'Nâng cao chất lượng công tác khen thưởng đảm bảo kịp thời, chính xác, công khai, công bằng, có tác dụng động viên, '
    'giáo dục và nêu gương. Chú trọng khen thưởng thành tích đột xuất, khen thưởng chuyên đề; nâng cao tỷ lệ khen thưởng '
    'cho tập thể nhỏ, khen thưởng người lao động trực tiếp.',
    []),
   ('',
    'Đẩy mạnh tuyên truyền, phát hiện, bồi dưỡng và nhân rộng các điển hình tiên tiến; tiếp tục triển khai có hiệu quả Cuộc '
    'thi viết về gương điển hình tiên tiến, người tốt việc tốt năm 2025.',
    []),
   ('',
    'Tăng cường công tác lãnh đạo và nâng cao hiệu quả công tác quản lý Nhà nước về thi đua, khen thưởng. Tổ chức thực hiện '
    'Luật Thi đua, khen thưởng năm 2022 và các văn bản hướng dẫn thi hành, đảm bảo kịp thời, đúng quy định; tăng cường công '
    'tác kiểm tra, giám sát việc tổ chức các phong trào, chuyên đề thi đua.',
    []),
   ('',
    'Kiện toàn bộ máy, quan tâm bố trí cán bộ làm công tác thi đua, khen thưởng; đổi mới và nâng cao chất lượng hoạt động '
    'của Hội đồng Thi đua - Khen thưởng các cấp và các cụm, khối thi đua.',
    [])]),
 ('GIẢI PHÁP THỰC HIỆN',
  '',
  [('',
    'Các đơn vị thuộc Quận đổi mới phương thức, biện pháp tổ chức các phong trào thi đua thường xuyên, thi đua chuyên đề '
    'với nội dung, tiêu chí cụ thể, phù hợp với điều kiện tình hình thực tế và đặc thù chức năng, nhiệm vụ nhằm thực hiện '
    'tốt các mục tiêu, nhiệm vụ trọng tâm của đơn vị và Quận trong năm 2025, cụ thể như sau:',
    [('',
      'Phát động và triển khai phong trào thi đua thực hiện các nhiệm vụ chính trị, các mục tiêu, chỉ tiêu phát triển kinh '
      'tế - xã hội, quốc phòng - an ninh và chủ đề công tác năm 2025 theo Chỉ thị, Nghị quyết, Chương trình, Kế hoạch của '
      'Trung ương, Thành phố và Quận; hoàn thành thắng lợi các chương trình, kế hoạch thực hiện Nghị quyết Đại hội Đảng bộ '
      'các cấp; Kế hoạch phát triển kinh tế - xã hội 5 năm (2021 - 2025); Chỉ thị 24-CT/TU ngày 07/8/2023 của Thành ủy Hà '
      'Nội về việc tăng cường kỷ cương, kỷ luật và trách nhiệm giải quyết công việc trong hệ thống chính trị thành phố Hà '
      'Nội. Đồng thời triển khai thực hiện có hiệu quả Luật Thủ đô (có hiệu lực từ 01/01/2025); tổ chức thành công Đại hội '
      'Đảng bộ các cấp, Đại hội đại biểu lần thứ XXIX Đảng bộ quận Đống Đa, Đại hội đại biểu lần thứ XVIII Đảng bộ thành '
      'phố Hà Nội, hội nghị điển hình tiên tiến các cấp, Đại hội thi đua yêu nước Thành phố giai đoạn 2025-2030 và Đại hội '
      'thi đua yêu nước toàn quốc lần thứ XI.',
      []),
     ('',
      'Tăng cường giải pháp, biện pháp thực hiện các cuộc vận động, các phong trào thi đua do Trung ương, Thành phố, Quận '
      'phát động, đảm bảo thiết thực, bám sát yêu cầu nhiệm vụ chính trị, mục tiêu, chỉ tiêu phát triển kinh tế - xã hội '
      'của Thành phố và Quận.\n'
      'Trọng tâm là thi đua xây dựng hệ thống chính trị gắn với tiếp tục đẩy mạnh học tập và làm theo tư tưởng, đạo đức, '
      'phong cách Hồ Chí Minh, các phong trào thi đua do Trung ương, Thành phố phát động gồm: Phong trào “Người tốt, việc '
      'tốt”, phong trào “Cán bộ, công chức, viên chức, người lao động thi đua thực hiện văn hóa công sở và nơi công cộng”, '
      'phong trào thi đua “Toàn dân chung sức xây dựng Nông thôn mới”, phong trào “Vì người nghèo - không để ai bị bỏ lại '
      'phía sau”, phong trào thi đua “Đẩy mạnh cải cách hành chính”, thi đua “An toàn thực phẩm”, phong trào thi đua “Sáng '
      'kiến, sáng tạo Thủ đô” gắn với đẩy mạnh phát triển hạ tầng số, đẩy mạnh ứng dụng khoa học công nghệ, phong trào thi '
      'đua “Đẩy mạnh phát triển kết cấu hạ tầng đồng bộ, hiện đại; thực hành tiết kiệm, chống lãng phí”, thi đua “Thực hiện '
      'chuyển đơn vị sự nghiệp công lập sang tự chủ tài chính trên địa bàn Thành phố”, thi đua chào mừng kỷ niệm 80 năm '
      'Ngày tổng tuyển cử đầu tiên Quốc hội Việt Nam (06/01/1946 - 06/01/2026), phong trào thi đua chào mừng các ngày lễ '
      'lớn năm 2025, chào mừng đại hội đảng bộ các cấp, Đại hội đại biểu lần thứ XXIX Đảng bộ quận Đống Đa, Đại hội đại '
      'biểu lần thứ XVIII Đảng bộ thành phố Hà Nội, tiến tới đại hội đại biểu toàn quốc lần thứ XIV của Đảng cộng sản Việt '
      'Nam và các phong trào thi đua do các ngành, các cấp phát động như: phong trào “Toàn dân bảo vệ an ninh Tổ quốc”, '
      'phong trào “Toàn dân đoàn kết xây dựng đời sống văn hóa”, phong trào thi đua “Cả nước thi đua xây dựng xã hội học '
      'tập, đẩy mạnh học tập suốt đời giai đoạn 2023 - 2030”,...',
      []),
     ('',
      'Tổ chức tốt các phong trào thi đua chuyên đề, phong trào thi đua chào mừng kỷ niệm các ngày lễ lớn, các sự kiện lịch '
      'sử, chính trị quan trọng của đất nước. Xây dựng kế hoạch và chủ động tham mưu Quận tổng kết các Chương trình công '
      'tác trọng tâm của Quận uỷ, UBND Quận nhiệm kỳ 2021-2025 và các phong trào thi đua do Quận phát động giai đoạn '
      '2021-2025.\n'
      'Tăng cường công tác tuyên truyền về các phong trào thi đua yêu nước cùng những thành tựu của đất nước, của Thủ đô và '
      'của Quận Đống Đa; đẩy mạnh triển khai, hoàn thành các dự án, công trình, sản phẩm đảm bảo tiến độ, chất lượng, đề '
      'nghị Thành phố, Quận gắn liền nhân dịp các ngày kỷ niệm; tổ chức phong phú các hoạt động văn hoá, thể thao; quan tâm '
      'làm tốt công tác “Đền ơn đáp nghĩa” và công tác trợ giúp xã hội; chú trọng cải thiện, nâng cao chất lượng đời sống '
      'vật chất và tinh thần của Nhân dân.',
      [])]),
   ('Nâng cao chất lượng công tác khen thưởng',
    '',
    [('',
      'Tập trung nâng cao chất lượng công tác khen thưởng, đảm bảo kịp thời, chính xác, công khai, công bằng, có tác dụng '
      'động viên, giáo dục và nêu gương. Thực hiện tốt công tác thẩm định hồ sơ, xét khen thưởng và đề nghị Thành phố, '
      'Trung ương khen thưởng, đảm bảo chặt chẽ, đúng quy trình, tiêu chuẩn, điều kiện và thủ tục hồ sơ; kết hợp xem xét ý '
      'kiến đánh giá của các cơ quan liên quan và dư luận xã hội.',
      []),
     ('',
      'Chú trọng khen thưởng thành tích đột xuất, khen thưởng chuyên đề trong các lĩnh vực; việc khen thưởng phải bám sát '
      'kết quả thi đua thực hiện các khâu đột phá, các nhiệm vụ trọng tâm, cấp bách của từng ngành, địa phương, đơn vị và '
      'Thành phố, gắn với việc giải quyết các vấn đề lớn, bức xúc, cấp thiết của đời sống xã hội, những việc làm tốt, sáng '
      'kiến mang lại hiệu quả cao phục vụ người dân, doanh nghiệp. Quan tâm thực hiện xét, đề nghị tặng thưởng Huy chương '
      'Thanh niên xung phong vẻ vang và khen thưởng tổng kết thành tích kháng chiến theo chỉ đạo, hướng dẫn của Trung ương.',
      []),
     ('',
      'Tăng cường khen thưởng theo thẩm quyền, cấp nào phát động thi đua thì cấp đó khen thưởng; Thành phố chỉ xem xét khen '
      'thưởng hoặc đề nghị cấp trên khen thưởng đối với các trường hợp có thành tích xuất sắc tiêu biểu và phạm vi ảnh '
      'hưởng cấp Thành phố và toàn quốc. Nâng cao tỷ lệ khen thưởng cho tập thể nhỏ, khen thưởng người lao động trực tiếp '
      'như công nhân, nông dân, công chức, viên chức, chiến sĩ, học sinh và người dân.',
      []),
     ('',
      'Thực hiện tốt việc tổ chức trao tặng, đón nhận các danh hiệu thi đua, hình thức khen thưởng theo đúng quy định hiện '
      'hành của Trung ương và Thành phố, đảm bảo trang trọng, tiết kiệm và có ý nghĩa giáo dục, tuyên truyền.',
      [])]),
   ('Đẩy mạnh tuyên truyền, phát hiện, bồi dưỡng và nhân rộng các điển hình tiên tiến, người tốt, việc tốt',
    '',
    [('',
      'Tập trung thực hiện tốt Kế hoạch số 226/KH-UBND ngày 12/6/2023 của UBND Quận về tuyên truyền gương điển hình tiên '
      'tiến, người tốt việc tốt trên địa bàn quận Đống Đa giai đoạn 2023 - 2025. Chú trọng công tác phát hiện, bồi dưỡng, '
      'tổng kết và nhân rộng điển hình tiên tiến trong các phong trào thi đua. Các đơn vị có kế hoạch bồi dưỡng, xây dựng '
      'mô hình mới, điển hình tiên tiến trong đơn vị mình với tiêu chí, lộ trình và trách nhiệm cụ thể; kịp thời tổng kết '
      'mô hình, điển hình và khen thưởng, ghi nhận những cách làm hiệu quả, động viên, tôn vinh các gương điển hình tiên '
      'tiến. Tổ chức thăm quan học tập, phát động thi đua làm theo mô hình, điển hình tại địa phương, đơn vị.',
      []),
     ('',
      'Tăng cường các giải pháp, biện pháp đổi mới nội dung, đa dạng hóa phương thức tuyên truyền các phong trào thi đua, '
      'các mô hình hay, cách làm hiệu quả và các gương điển hình tiên tiến. Tích cực tuyên truyền qua các phương tiện thông '
      'tin đại chúng; bên cạnh đó, các cấp, các ngành tăng cường ứng dụng công nghệ thông tin, kịp thời đưa tin, bài về '
      'gương điển hình, người tốt, việc tốt trên các trang website điện tử của Quận, địa phương, đơn vị, trên các nền tảng '
      'mạng xã hội để tạo hiệu ứng lan tỏa tích cực trong cộng đồng.',
      []),
     ('',
      'Tổ chức tốt Cuộc thi viết về gương điển hình tiên tiến, người tốt việc tốt và công tác phát hiện, tuyên truyền, nhân '
      'rộng điển hình tiên tiến trong phong trào thi đua yêu nước quận Đống Đa năm 2025 theo Kế hoạch số 325/KH-UBND ngày '
      '25/7/2024 của UBND quận Đống Đa. Thường xuyên tổ chức học tập, trao đổi kinh nghiệm giữa các cơ quan, địa phương, '
      'đơn vị trong công tác tuyên truyền các phong trào thi đua, phát hiện, bồi dưỡng, tuyên truyền và nhân rộng các gương '
      'điển hình tiên tiến. Kịp thời khen thưởng theo thẩm quyền và đề xuất cấp trên khen thưởng các gương điển hình tiên '
      'tiến, người tốt, việc tốt trên địa bàn Quận.',
      [])]),
   ('Tăng cường công tác lãnh đạo và nâng cao hiệu quả công tác quản lý Nhà nước về thi đua, khen thưởng',
    '',
    [('',
      'Hội đồng Thi đua - Khen thưởng các cấp tham mưu cấp ủy, chính quyền quán triệt, tuyên truyền và triển khai thực hiện '
      'tốt các chủ trương của Đảng, chính sách và pháp luật của Nhà nước về thi đua, khen thưởng, các Chỉ thị, Nghị quyết '
      'và các quy định của Thành phố, Quận về thi đua, khen thưởng; tạo sự chuyển biến mạnh mẽ và rõ rệt hơn nữa trong tư '
      'tưởng, nhận thức của các cấp, các ngành, cán bộ và Nhân dân về vai trò của công tác thi đua, khen thưởng. Nâng cao '
      'trách nhiệm của người đứng đầu trong chỉ đạo, đôn đốc, kiểm tra thực hiện nhiệm vụ công tác thi đua, khen thưởng, '
      'đảm bảo thiết thực, hiệu quả.',
      []),
     ('',
      'Tập trung nâng cao hiệu quả quản lý nhà nước về thi đua, khen thưởng; triển khai hiệu quả các chương trình, kế hoạch '
      'của Thành phố và Quận nhằm khắc phục tồn tại, hạn chế, đổi mới, nâng cao chất lượng công tác thi đua, khen thưởng. '
      'Tiếp tục thực hiện với tinh thần chủ động, sáng tạo các nội dung của Kế hoạch số 161-KH/QU ngày 09/02/2023 của Quận '
      'ủy Đống Đa về triển khai thực hiện Chỉ thị số 20-CT/TU ngày 26/12/2022 của Thành ủy về tiếp tục lãnh đạo, chỉ đạo '
      'đẩy mạnh phong trào thi đua “Người tốt, việc tốt” trên địa bàn Thành phố; Chỉ thị số 19/CT-UBND ngày 16/8/2021 của '
      'Chủ tịch UBND Thành phố về thi đua thực hiện thắng lợi nhiệm vụ phát triển kinh tế - xã hội hàng năm và Kế hoạch 5 '
      'năm (2021 - 2025) theo Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng và Nghị quyết Đại hội đại biểu '
      'Đảng bộ thành phố Hà Nội lần thứ XVII, Nghị quyết Đại hội đại biểu Đảng bộ quận Đống Đa lần thứ XXVIII; Kế hoạch số '
      '253/KH-HĐTĐKT ngày 18/12/2020 của Hội đồng Thi đua - Khen thưởng Quận về công tác thi đua, khen thưởng của UBND Quận '
      'Đống Đa giai đoạn 2021 - 2025; các quy chế, quy định và các văn bản chỉ đạo của UBND Thành phố về công tác thi đua, '
      'khen thưởng.',
      []),
     ('',
      'Tổ chức thực hiện Luật Thi đua, khen thưởng năm 2022 và các văn bản hướng dẫn thi hành, đảm bảo kịp thời, đúng quy '
      'định. Tiếp tục rà soát, sửa đổi, bổ sung các văn bản nhằm hoàn thiện hệ thống quy chế, quy định trong lĩnh vực thi '
      'đua, khen thưởng của Quận đảm bảo phù hợp với quy định của pháp luật hiện hành, điều kiện tình hình thực tiễn và đáp '
      'ứng yêu cầu nhiệm vụ trong giai đoạn mới.',
      []),
     ('',
      'Thường xuyên kiểm tra, giám sát việc tổ chức các phong trào, chuyên đề thi đua; việc xét, công nhận và đánh giá hiệu '
      'quả của đề tài, sáng kiến; việc đánh giá mức độ hoàn thành nhiệm vụ của các tập thể thuộc thẩm quyền quản lý; việc '
      'khen thưởng theo thẩm quyền và thực hiện các chính sách, pháp luật về thi đua, khen thưởng. Giải quyết kịp thời đơn '
      'thư, kiến nghị trong lĩnh vực thi đua, khen thưởng ở các cấp. Tăng cường ứng dụng công nghệ thông tin, tiếp tục rà '
      'soát và đơn giản hóa thủ tục hành chính, đồng thời thực hiện tốt dịch vụ công trực tuyến đối với các thủ tục hành '
      'chính trong lĩnh vực thi đua, khen thưởng từ Quận đến cơ sở, tạo điều kiện thuận lợi cho các tổ chức và cá nhân.',
      [])]),
   ('Kiện toàn bộ máy, đổi mới và nâng cao chất lượng hoạt động của Hội đồng Thi đua - Khen thưởng các cấp và các cụm, khối '
    'thi đua',
    '',
    [('',
      'Kiện toàn tổ chức, bộ máy làm công tác thi đua, khen thưởng. Quan tâm củng cố đội ngũ cán bộ làm công tác thi đua, '
      'khen thưởng từ Quận đến cơ sở, đảm bảo số lượng, chất lượng, ổn định và có tính kế thừa; tổ chức bồi dưỡng, tập huấn '
      'kỹ năng, chuyên môn nghiệp vụ để nâng cao chất lượng tham mưu thực hiện nhiệm vụ công tác thi đua, khen thưởng.',
      []),
     ('',
      'Kiện toàn, nâng cao hiệu quả hoạt động của Hội đồng Thi đua - Khen thưởng và Hội đồng Sáng kiến Quận; đảm bảo xét '
      'chọn, đề nghị khen thưởng đúng người, đúng thành tích; đánh giá chính xác hiệu quả và phạm vi ảnh hưởng, sức lan tỏa '
      'của đề tài, sáng kiến làm căn cứ xét tặng các danh hiệu thi đua, hình thức khen thưởng theo quy định của pháp luật.',
      []),
     ('',
      'Thực hiện đề xuất kiện toàn tổ chức của các cụm, khối thi đua thuộc Thành phố, đảm bảo phù hợp với điều kiện thực tế '
      'và các quy định hiện hành. Xây dựng, sửa đổi quy chế hoạt động nhằm đổi mới, nâng cao chất lượng hoạt động của các '
      'cụm, khối thi đua.\n'
      '(Phụ lục I - Tiến độ thực hiện các nhiệm vụ trọng tâm công tác TĐKT năm 2025)',
      [])])]),
 ('TỔ CHỨC THỰC HIỆN',
  '',
  [('Hội đồng Thi đua – Khen thưởng Quận',
    '- Tham gia chỉ đạo, tổ chức thực hiện hiệu quả các phong trào thi đua trên địa bàn Quận; xem xét, thẩm định và đề xuất '
    'khen thưởng kịp thời đối với các tập thể, cá nhân có thành tích.\n'
    '- Thành viên Hội đồng Thi đua - Khen thưởng Quận thực hiện các nhiệm vụ, chương trình công tác năm 2025 của Hội đồng '
    'Thi đua - Khen thưởng Quận; trực tiếp chỉ đạo, kiểm tra và đánh giá kết quả thực hiện nhiệm vụ công tác thi đua, khen '
    'thưởng của các đơn vị và cụm, khối thi đua được phân công theo dõi. Duy trì mối liên hệ chặt chẽ với Cơ quan thường '
    'trực của Hội đồng Thi đua - Khen thưởng Quận; phản ánh và thông tin kịp thời đối với các vấn đề phát sinh, các vấn đề '
    'được tham khảo, xin ý kiến.\n'
    '(Phụ lục II - Chương trình công tác năm 2025 của Hội đồng TĐKT Quận)',
    []),
   ('Phòng Nội vụ (cơ quan Thường trực Hội đồng Thi đua – Khen thưởng Quận)',
    '- Chịu trách nhiệm tham mưu cho UBND Quận, Hội đồng Thi đua - Khen thưởng Quận triển khai các nội dung nhiệm vụ Kế '
    'hoạch công tác thi đua, khen thưởng năm 2025 và hướng dẫn, đôn đốc các cụm, khối thi đua, các đơn vị thực hiện đảm bảo '
    'tiến độ, chất lượng; tham mưu việc kiểm tra, đánh giá kết quả thực hiện của các cụm, khối thi đua, các đơn vị thuộc '
    'Quận.\n'
    '- Thẩm định, tổng hợp thành tích, đề xuất Hội đồng Thi đua - Khen thưởng Quận xét duyệt, trình Ban Thi đua – Khen '
    'thưởng Thành phố, UBND Thành phố khen thưởng và đề nghị Nhà nước tặng thưởng các danh hiệu thi đua, hình thức khen '
    'thưởng theo quy định.\n'
    '- Phối hợp với Văn phòng HĐND&UBND Quận, phòng Văn hóa – Thông tin Quận, các cơ quan báo, đài của Trung ương và Hà Nội '
    'thực hiện hiệu quả công tác tuyên truyền về phong trào thi đua yêu nước và các gương điển hình tiên tiến, người tốt, '
    'việc tốt; phối hợp với Phòng Tài chính – Kế hoạch bố trí kinh phí và triển khai thực hiện theo quy định.',
    []),
   ('Các cụm, khối thi đua thuộc Quận',
    '- Căn cứ Kế hoạch công tác thi đua, khen thưởng năm 2025 của Quận, các cụm, khối thi đua xây dựng kế hoạch, quy chế '
    'hoạt động và triển khai thực hiện đảm bảo tiến độ và chất lượng.\n'
    '- Thực hiện tốt công tác kiểm tra, đánh giá, học tập những chuyên đề, mô hình hay, giải pháp hiệu quả của các đơn vị '
    'trong cụm, khối thi đua; kịp thời tổng hợp, báo cáo và tổ chức bình xét, suy tôn kết quả thực hiện nhiệm vụ công tác '
    'thi đua, khen thưởng của các đơn vị theo quy định.',
    []),
   ('Các đơn vị thuộc Quận',
    '- Các phòng, ban, ngành, Ủy ban Mặt trận Tổ quốc và các tổ chức chính trị - xã hội Quận, các phường, các đơn vị thuộc '
    'Quận xây dựng kế hoạch triển khai phù hợp với chức năng, nhiệm vụ và đặc thù của từng ngành, từng đơn vị, đảm bảo '
    'thiết thực, hiệu quả.\n'
    '- Thường xuyên kiểm tra, đôn đốc và định kỳ tổ chức đánh giá việc thực hiện kế hoạch; báo cáo UBND Quận kết quả các '
    'phong trào thi đua và công tác khen thưởng của đơn vị.',
    []),
   ('Văn phòng HĐND&UBND, phòng Văn hóa và Thông tin Quận',
    'Tăng cường thời lượng, mở thêm chuyên trang, chuyên mục; nâng cao chất lượng các bài viết, thông tin kịp thời, chính '
    'xác về kết quả các phong trào thi đua yêu nước, các gương điển hình tiên tiến, người tốt, việc tốt; tích cực phát '
    'hiện, tuyên truyền các mô hình hay, nhân tố mới và tăng cường tổ chức tọa đàm, giao lưu trực tuyến với các gương điển '
    'hình, tạo sức lan tỏa trong cộng đồng, xã hội.',
    [])])]

# Phụ lục I: (task, lead, coordinating, period, due)
KEY_TASKS = [
    ("Xây dựng, ban hành Kế hoạch công tác thi đua, khen thưởng năm 2025; hướng dẫn các cụm, khối thi đua và các đơn vị xây dựng "
     "kế hoạch triển khai", "Phòng Nội vụ", "Các phòng, ban, đơn vị thuộc Quận", "Quý I", dt.date(2025, 3, 31)),
    ("Phát động phong trào thi đua chào mừng kỷ niệm 95 năm Ngày thành lập Đảng Cộng sản Việt Nam (03/02/1930 - 03/02/2025)",
     "Phòng Nội vụ", "Văn phòng HĐND&UBND Quận, phòng Văn hóa và Thông tin", "Tháng 01 - tháng 02", dt.date(2025, 2, 3)),
    ("Phát động phong trào thi đua chào mừng 50 năm Ngày giải phóng miền Nam, thống nhất đất nước (30/4/1975 - 30/4/2025) và "
     "135 năm Ngày sinh Chủ tịch Hồ Chí Minh (19/5/1890 - 19/5/2025)", "Phòng Nội vụ", "Các phòng, ban, đơn vị, các phường",
     "Tháng 3 - tháng 5", dt.date(2025, 5, 19)),
    ("Thi đua lập thành tích chào mừng Đại hội đại biểu lần thứ XXIX Đảng bộ quận Đống Đa và đại hội đảng bộ các cấp",
     "Văn phòng HĐND&UBND Quận", "Phòng Nội vụ, các đơn vị thuộc Quận", "Quý II", dt.date(2025, 6, 30)),
    ("Tổ chức Hội nghị điển hình tiên tiến quận Đống Đa giai đoạn 2020 - 2025", "Phòng Nội vụ",
     "Văn phòng HĐND&UBND Quận, phòng Tài chính - Kế hoạch", "Quý II", dt.date(2025, 6, 15)),
    ("Tổ chức Cuộc thi viết về gương điển hình tiên tiến, người tốt việc tốt năm 2025 (Kế hoạch số 325/KH-UBND ngày 25/7/2024)",
     "Phòng Văn hóa và Thông tin", "Phòng Nội vụ, các phường", "Quý I - quý III", dt.date(2025, 9, 30)),
    ("Tuyên truyền các phong trào thi đua, gương điển hình tiên tiến, người tốt việc tốt trên trang thông tin điện tử của Quận "
     "và các nền tảng mạng xã hội", "Văn phòng HĐND&UBND Quận", "Phòng Văn hóa và Thông tin, các đơn vị", "Thường xuyên", None),
    ("Rà soát, sửa đổi, bổ sung quy chế thi đua, khen thưởng của Quận phù hợp với Luật Thi đua, khen thưởng năm 2022",
     "Phòng Nội vụ", "Phòng Tư pháp", "Quý II", dt.date(2025, 6, 30)),
    ("Kiện toàn Hội đồng Thi đua - Khen thưởng và Hội đồng Sáng kiến Quận", "Phòng Nội vụ", "Các phòng, ban liên quan", "Quý I",
     dt.date(2025, 3, 31)),
    ("Tập huấn nghiệp vụ công tác thi đua, khen thưởng cho cán bộ làm công tác thi đua, khen thưởng từ Quận đến cơ sở",
     "Phòng Nội vụ", "Các phường, các đơn vị", "Quý II", dt.date(2025, 5, 31)),
    ("Kiểm tra việc tổ chức các phong trào thi đua, việc đánh giá mức độ hoàn thành nhiệm vụ và công tác khen thưởng tại các "
     "cụm, khối thi đua và đơn vị", "Phòng Nội vụ", "Thành viên Hội đồng Thi đua - Khen thưởng Quận", "Quý III", dt.date(2025, 9, 30)),
    ("Thực hiện dịch vụ công trực tuyến các thủ tục hành chính trong lĩnh vực thi đua, khen thưởng", "Phòng Nội vụ",
     "Văn phòng HĐND&UBND Quận", "Thường xuyên", None),
    ("Thẩm định, tổng hợp hồ sơ đề nghị khen thưởng tổng kết năm 2025", "Phòng Nội vụ", "Các cụm, khối thi đua, các đơn vị",
     "Tháng 12", dt.date(2025, 12, 31)),
    ("Báo cáo kết quả công tác thi đua, khen thưởng năm 2025 về UBND Quận (qua phòng Nội vụ)", "Các đơn vị thuộc Quận",
     "Các cụm, khối thi đua", "", dt.date(2026, 1, 15)),
]

# Phụ lục II: (month, kind, item, in charge)
MEET, APPR, INSP, CONF, OTHER = (CouncilItemKind.MEETING, CouncilItemKind.APPRAISAL, CouncilItemKind.INSPECTION, CouncilItemKind.CONFERENCE,
                 CouncilItemKind.OTHER)
PROGRAMME = [
    (1, MEET, "Họp Hội đồng xét khen thưởng tổng kết công tác năm 2024, thông qua chương trình công tác năm 2025",
     "Chủ tịch Hội đồng; Phòng Nội vụ (cơ quan Thường trực)"),
    (1, CONF, "Hội nghị tổng kết công tác thi đua, khen thưởng năm 2024, triển khai nhiệm vụ năm 2025", "Phòng Nội vụ"),
    (2, APPR, "Xét, đề nghị khen thưởng chuyên đề chào mừng 95 năm Ngày thành lập Đảng", "Phó Chủ tịch Thường trực Hội đồng; Phòng Nội vụ"),
    (3, OTHER, "Kiện toàn Hội đồng Thi đua - Khen thưởng Quận; phân công thành viên theo dõi các cụm, khối thi đua", "Chủ tịch Hội đồng"),
    (4, APPR, "Xét khen thưởng chuyên đề chào mừng 50 năm Ngày giải phóng miền Nam, thống nhất đất nước", "Phòng Nội vụ"),
    (5, APPR, "Xét khen thưởng chuyên đề kỷ niệm 135 năm Ngày sinh Chủ tịch Hồ Chí Minh", "Phòng Nội vụ"),
    (6, CONF, "Hội nghị điển hình tiên tiến quận Đống Đa giai đoạn 2020 - 2025", "Chủ tịch Hội đồng; Phòng Nội vụ"),
    (6, MEET, "Họp Hội đồng sơ kết công tác thi đua, khen thưởng 6 tháng đầu năm 2025", "Chủ tịch Hội đồng"),
    (8, APPR, "Xét khen thưởng chuyên đề 80 năm Ngày truyền thống Công an nhân dân Việt Nam", "Thành viên Hội đồng phụ trách khối Nội chính"),
    (9, INSP, "Kiểm tra công tác thi đua, khen thưởng tại các cụm, khối thi đua và đơn vị", "Thành viên Hội đồng được phân công"),
    (10, INSP, "Kiểm tra việc đánh giá mức độ hoàn thành nhiệm vụ và hiệu quả sáng kiến", "Thành viên Hội đồng; Hội đồng Sáng kiến Quận"),
    (11, OTHER, "Hướng dẫn bình xét thi đua, khen thưởng cuối năm 2025", "Phòng Nội vụ"),
    (12, APPR, "Thẩm định hồ sơ đề nghị khen thưởng tổng kết năm 2025", "Phòng Nội vụ (cơ quan Thường trực)"),
    (12, MEET, "Họp Hội đồng xét khen thưởng tổng kết năm 2025", "Chủ tịch Hội đồng"),
]


def enter(*, actor, issuer: Unit, year: int = YEAR, sections=None, preamble: str = PREAMBLE, closing: str = CLOSING,
          key_tasks=None, programme=None, implements=None):
    """The seed's plan entered through the services (a draft). Tests pass changed copies of the data to reintroduce the
    seed's slips."""
    plan = services.plan_create(actor=actor, issuer=issuer, year=year, preamble=preamble, closing=closing, receivers=RECEIVERS,
                                implements=implements, signer_authority=SIGNER[0], signer_title=SIGNER[1], signer_name=SIGNER[2])

    def add(nodes, parent=None):
        for title, body, children in nodes:
            section = services.section_add(actor=actor, plan=plan, title=title, body=body, parent=parent)
            add(children, section)

    add(SECTIONS if sections is None else sections)
    for title, lead, coordinating, period, due in (KEY_TASKS if key_tasks is None else key_tasks):
        services.key_task_add(actor=actor, plan=plan, title=title, lead_name=lead, coordinating=coordinating, period=period, due_on=due)
    for month, kind, title, in_charge in (PROGRAMME if programme is None else programme):
        services.council_item_add(actor=actor, plan=plan, month=month, kind=kind, title=title, in_charge=in_charge)
    return plan


def generate(d) -> None:
    issuer = Unit.objects.filter(code=UNIT).first()
    if issuer is None:
        return
    actor = d.users["quantri"]
    plan = enter(actor=actor, issuer=issuer)
    services.plan_issue(actor=actor, plan=plan, number=NUMBER, issued_on=ISSUED_ON)
    # the district's office reported the tasks due before it was dissolved (30/6/2025); the later ones show as late
    for task in plan.key_tasks.order_by("position"):
        if task.due_on is not None and task.due_on <= dt.date(2025, 6, 30):
            services.key_task_progress(actor=actor, task=task, status="done", note="Đã hoàn thành đúng thời hạn.", on=task.due_on)
